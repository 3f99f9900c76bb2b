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
    public async ValueTask<RateLimitGrant> AcquireAsync(string scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await EvaluateAsync(RedisScripts.Acquire, Key(scope), [now.ToUnixTimeMilliseconds(), _expiry], cancellationToken).ConfigureAwait(false))!;
        return (int)result[0] switch
        {
            0 => RateLimitGrant.Granted,
            2 => RateLimitGrant.WaitUntil(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)result[1]!, CultureInfo.InvariantCulture))),
            _ => RateLimitGrant.WindowUnknown,
        };
    }

    /// <inheritdoc />
    public async ValueTask RecordWindowAsync(string scope, RateLimitInfo window, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Remaining is not { } remaining || window.ResetsAt is not { } reset)
        {
            return;
        }

        RedisValue limit = window.Limit is { } known ? known : RedisValue.EmptyString;
        await EvaluateAsync(
            RedisScripts.Record, Key(scope), [now.ToUnixTimeMilliseconds(), limit, remaining, reset.ToUnixTimeMilliseconds(), _expiry], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask PauseAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        await EvaluateAsync(RedisScripts.Pause, Key(scope), [until.ToUnixTimeMilliseconds(), _expiry], cancellationToken).ConfigureAwait(false);

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

    private Task<RedisResult> EvaluateAsync(string script, RedisKey key, RedisValue[] values, CancellationToken cancellationToken) =>
        _connection.GetDatabase(_options.Database).ScriptEvaluateAsync(script, [key], values).WaitAsync(cancellationToken);
}
