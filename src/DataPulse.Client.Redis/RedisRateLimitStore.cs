using System.Globalization;
using DataPulse.Client.RateLimiting;
using StackExchange.Redis;

namespace DataPulse.Client.Redis;

/// <summary>
/// An <see cref="IRateLimitStore"/> on Redis: every process on one API key and base address paces against one window and
/// draws retries from one budget. Each step is one atomic Lua script on one key. Set it on
/// <see cref="DataPulseClientOptions.RateLimitStore"/>, or call <c>UseRedisRateLimits</c> on <c>AddDataPulse(...)</c>.
/// </summary>
/// <remarks>
/// When Redis cannot be reached the client goes on with its in-process window and budget and logs one warning a minute;
/// it uses Redis again as soon as Redis answers. Give the connection <c>AbortOnConnectFail = false</c> (it reconnects by
/// itself) and <c>BacklogPolicy.FailFast</c> (so commands fail at once while it is down instead of queuing), as
/// <see cref="Connect(string, RedisRateLimitStoreOptions?)"/> does.
/// RedisRateLimiting's limiters count a window the client defines; this window is the server's, re-synced from every
/// answer, so four short scripts fit better than a limiter bent to it.
/// </remarks>
public sealed class RedisRateLimitStore : IRateLimitStore, IDisposable
{
    private readonly IConnectionMultiplexer _connection;
    private readonly bool _ownsConnection;
    private readonly RedisRateLimitStoreOptions _options;
    private readonly string _expiry;
    private readonly string _instance = Guid.NewGuid().ToString("N") + ":";

    // The longest pause a Retry-After sets, as the in-process store: one day.
    private const long MaxPauseMs = 24 * 60 * 60 * 1000;

    /// <summary>Creates a store on a connection you own and keep open.</summary>
    /// <param name="connection">The Redis connection.</param>
    /// <param name="options">Key prefix, database and expiry; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is null.</exception>
    public RedisRateLimitStore(IConnectionMultiplexer connection, RedisRateLimitStoreOptions? options = null)
        : this(connection ?? throw new ArgumentNullException(nameof(connection)), options, ownsConnection: false)
    {
    }

    private RedisRateLimitStore(IConnectionMultiplexer connection, RedisRateLimitStoreOptions? options, bool ownsConnection)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
        _options = options ?? new RedisRateLimitStoreOptions();
        _expiry = ((long)_options.IdleExpiry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Connects to Redis (<c>"localhost:6379"</c> or any StackExchange.Redis configuration string) and creates a store that
    /// owns the connection. Never throws because Redis is down: the connection keeps retrying in the background.
    /// </summary>
    /// <param name="configuration">The StackExchange.Redis configuration string.</param>
    /// <param name="options">Key prefix, database and expiry; null for the defaults.</param>
    /// <returns>The store; dispose it to close the connection.</returns>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is null or empty.</exception>
    public static RedisRateLimitStore Connect(string configuration, RedisRateLimitStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        var settings = ConfigurationOptions.Parse(configuration);
        settings.AbortOnConnectFail = false;
        settings.BacklogPolicy = BacklogPolicy.FailFast;
        settings.ConnectTimeout = Math.Min(settings.ConnectTimeout, 2000);
        return new RedisRateLimitStore(ConnectionMultiplexer.Connect(settings), options, ownsConnection: true);
    }

    /// <inheritdoc />
    public async ValueTask<RateLimitGrant> AcquireAsync(string scope, RateLimitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var result = (RedisResult[])(await EvaluateAsync(
            RedisScripts.Acquire,
            Keys(scope),
            [
                Ms(request.Now), Lease(request.LeaseId), Ms(request.LeaseExpiresAt), request.LocalInFlight,
                (long)request.MaxWait.TotalMilliseconds, (long)request.ProbeInterval.TotalMilliseconds, _expiry,
            ],
            cancellationToken).ConfigureAwait(false))!;
        return new RateLimitGrant(
            (RateLimitGrantStatus)int.Parse((string)result[0]!, CultureInfo.InvariantCulture),
            Time(result[1]),
            (RateLimitHoldReason)int.Parse((string)result[2]!, CultureInfo.InvariantCulture),
            Number(result[3]),
            Number(result[4]),
            Time(result[5]));
    }

    /// <inheritdoc />
    public async ValueTask RecordAsync(string scope, RateLimitAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var window = answer.Window ?? RateLimitInfo.None;
        await EvaluateAsync(
            RedisScripts.Record,
            Keys(scope),
            [
                Lease(answer.LeaseId), Ms(answer.SentAt), Ms(answer.Now), answer.Answered ? 1 : 0, answer.TooManyRequests ? 1 : 0,
                answer.RetryAfter is { } retryAfter ? (long)Math.Min(retryAfter.TotalMilliseconds, MaxPauseMs) : RedisValue.EmptyString,
                Optional(window.Limit), Optional(window.Remaining), window.ResetsAt is { } reset ? Ms(reset) : RedisValue.EmptyString,
                Optional(answer.GrantedWith.Remaining), answer.GrantedWith.ResetsAt is { } hadReset ? Ms(hadReset) : RedisValue.EmptyString,
                _expiry, MaxPauseMs, (int)answer.GrantedWith.Status, (int)answer.GrantedWith.Reason,
            ],
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<double> UpdateRetryTokensAsync(string budget, double change, double maxTokens, CancellationToken cancellationToken = default)
    {
        var result = await EvaluateAsync(RedisScripts.Tokens, Key(budget), [change, maxTokens, _expiry], cancellationToken).ConfigureAwait(false);
        return double.Parse((string)result!, CultureInfo.InvariantCulture);
    }

    /// <summary>Closes the connection when the store opened it (<see cref="Connect(string, RedisRateLimitStoreOptions?)"/>).</summary>
    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    private RedisKey Key(string name) => _options.KeyPrefix + name;

    // One hash slot for a scope's two keys (the braces), so that a Redis Cluster runs its scripts too.
    private RedisKey[] Keys(string scope) => [_options.KeyPrefix + "{" + scope + "}", _options.KeyPrefix + "{" + scope + "}:out"];

    // Lease ids are unique per process; the store's own id makes them unique across the fleet.
    private RedisValue Lease(long id) => _instance + id.ToString(CultureInfo.InvariantCulture);

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static RedisValue Optional(long? value) => value is { } known ? known : RedisValue.EmptyString;

    private static long? Number(RedisResult result) => (string?)result is { Length: > 0 } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    private static DateTimeOffset? Time(RedisResult result) => Number(result) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken) =>
        _connection.GetDatabase(_options.Database).ScriptEvaluateAsync(script, keys, values).WaitAsync(cancellationToken);

    private Task<RedisResult> EvaluateAsync(string script, RedisKey key, RedisValue[] values, CancellationToken cancellationToken) =>
        EvaluateAsync(script, [key], values, cancellationToken);
}
