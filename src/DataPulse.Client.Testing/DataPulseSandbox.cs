using System.Net;
using DataPulse.Client.RateLimiting;
using DataPulse.Client.Testing.Hosting;
using DataPulse.Client.Testing.Pipeline;

namespace DataPulse.Client.Testing;

/// <summary>
/// An in-process fake of the DataPulse Analytics API for tests, demos and local development: plain HTTP on a random
/// loopback port, seeded deterministic data for every operation, the real API's key checks, validation and headers, and
/// scenario controls (rate limits, failures, latency, asynchronous exports, dropped downloads). It runs in your process;
/// it is not the DataPulse-hosted sandbox (<c>https://sandbox.datapulse.io</c>, configuration <c>Environment: Sandbox</c>),
/// which is the real service with test keys.
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = DataPulseSandbox.Start();
/// using var client = sandbox.CreateClient();
/// var kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);
/// </code>
/// With dependency injection (a test host, or a web app in Development), <c>services.AddDataPulseSandbox(sandbox)</c>
/// registers the default client on it.
/// </example>
/// <remarks>
/// The query engine answers a few SELECT shapes over one table, <c>transactions</c>:
/// <c>SELECT &lt;cols|*&gt; FROM transactions [WHERE col = 'value' [AND ...]] [GROUP BY col] [ORDER BY col [ASC|DESC]] [LIMIT n]</c>
/// with SUM, AVG, COUNT, MIN and MAX as aggregates; anything else gets 400 <c>invalid_query</c>.
/// Seeded ids: customers <c>cust_92f8a3b1</c>, <c>cust_1c4e7d20</c>, <c>cust_5a9b3f66</c>, <c>cust_0d7e4a19</c> (also
/// reachable by the external id <c>crm:42/a b</c>), <c>cust_7b21c9e4</c>; models <c>churn_v3</c> and <c>ltv_v1</c>;
/// report templates <c>tmpl_q3_performance</c>, <c>tmpl_monthly_revenue</c> and <c>tmpl_refunds</c>.
/// All members are thread-safe.
/// </remarks>
public sealed class DataPulseSandbox : IAsyncDisposable, IDisposable
{
    /// <summary>The full-access key a sandbox accepts unless <see cref="DataPulseSandboxOptions.ApiKey"/> says otherwise.</summary>
    public const string DefaultApiKey = "dp_test_sk_sandboxFullAccess0000000000001";

    /// <summary>The read-only key a sandbox accepts unless <see cref="DataPulseSandboxOptions.ReadOnlyApiKey"/> says otherwise.</summary>
    public const string DefaultReadOnlyApiKey = "dp_test_sk_sandboxReadOnly000000000000002";

    private readonly SandboxHost _host;
    private readonly SandboxState _state;

    // The rate-limit windows, pauses and retry budgets of this sandbox's clients: theirs alone, cleared by Reset.
    private readonly InMemoryRateLimitStore _rateLimits = new();

    private DataPulseSandbox(SandboxHost host, SandboxState state)
    {
        _host = host;
        _state = state;
    }

    /// <summary>The sandbox's address, <c>http://127.0.0.1:&lt;port&gt;/</c>. The SDK accepts plain HTTP for loopback hosts.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>A full-access <c>dp_test_sk_</c> key the sandbox accepts.</summary>
    public string ApiKey => _state.Options.ApiKey;

    /// <summary>A <c>dp_test_sk_</c> key the sandbox accepts for reads: every <c>POST</c> and <c>DELETE</c> with it gets 403.</summary>
    public string ReadOnlyApiKey => _state.Options.ReadOnlyApiKey;

    /// <summary>The requests received so far, oldest first, with the <c>Authorization</c> header redacted. A snapshot.</summary>
    public IReadOnlyList<SandboxRequest> ReceivedRequests => _state.Received.Snapshot();

    /// <summary>Starts a sandbox on a random free loopback port.</summary>
    /// <param name="options">Keys, rate limits and clock; <see langword="null"/> for the defaults.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The keys are empty or equal, or a rate limit or its window is not positive.</exception>
    public static DataPulseSandbox Start(DataPulseSandboxOptions? options = null)
    {
        options ??= new DataPulseSandboxOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ReadOnlyApiKey, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        if (string.Equals(options.ApiKey, options.ReadOnlyApiKey, StringComparison.Ordinal))
        {
            throw new ArgumentException("ApiKey and ReadOnlyApiKey must differ.", nameof(options));
        }

        if (options.RateLimitPerMinute < 1)
        {
            throw new ArgumentException("RateLimitPerMinute must be at least 1.", nameof(options));
        }

        if (options.EnforcedRateLimit is { PermitLimit: < 1 } or { Window.Ticks: < 1 })
        {
            throw new ArgumentException("EnforcedRateLimit needs a PermitLimit of at least 1 and a positive Window.", nameof(options));
        }

        var state = new SandboxState(new DataPulseSandboxOptions
        {
            ApiKey = options.ApiKey,
            ReadOnlyApiKey = options.ReadOnlyApiKey,
            RateLimitPerMinute = options.RateLimitPerMinute,
            EnforcedRateLimit = options.EnforcedRateLimit,
            TimeProvider = options.TimeProvider,
        });
        // Kestrel's start completes synchronously in practice; Task.Run keeps a caller's synchronization context out of it,
        // and without the caller's execution context the host's "HostBuilding" event reaches no WebApplicationFactory
        // listening in this async flow (an app that starts a sandbox would otherwise get its TestServer put into the sandbox).
        Task<SandboxHost> starting;
        using (ExecutionContext.SuppressFlow())
        {
            starting = Task.Run(() => SandboxHost.StartAsync(state));
        }

        var host = starting.GetAwaiter().GetResult();
        return new DataPulseSandbox(host, state);
    }

    /// <summary>
    /// Client options pointed at this sandbox with <see cref="ApiKey"/>, on the sandbox's clock
    /// (<see cref="DataPulseSandboxOptions.TimeProvider"/>), with retries waiting no base backoff (a <c>Retry-After</c> from a
    /// scenario is still honoured) and the rate-limit state of this sandbox's clients (<see cref="Reset"/> clears it, and no
    /// other sandbox or client sees it); then <paramref name="configure"/> applied.
    /// </summary>
    /// <param name="configure">Changes to make, for example <c>o =&gt; o.MaxRetries = 0</c> or <c>o =&gt; o.ApiKey = sandbox.ReadOnlyApiKey</c>.</param>
    /// <returns>New options; each call returns a fresh instance.</returns>
    public DataPulseClientOptions CreateOptions(Action<DataPulseClientOptions>? configure = null)
    {
        var options = new DataPulseClientOptions();
        ConfigureOptions(options);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>
    /// Points existing client options at this sandbox, as <see cref="CreateOptions"/> sets up new ones: <see cref="ApiKey"/>,
    /// <see cref="BaseAddress"/>, the sandbox's clock (<see cref="DataPulseSandboxOptions.TimeProvider"/>), no base backoff,
    /// and the rate-limit state of this sandbox's clients (cleared by <see cref="Reset"/>). Other settings are left as they
    /// are. For dependency injection: <c>services.AddDataPulse(sandbox.ConfigureOptions)</c>, or a named client,
    /// <c>services.AddDataPulse("tenant-a", sandbox.ConfigureOptions)</c>; <c>services.AddDataPulseSandbox(sandbox)</c> does
    /// this for the default client.
    /// </summary>
    /// <param name="options">The options to change.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public void ConfigureOptions(DataPulseClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApiKey = ApiKey;
        options.BaseAddress = BaseAddress;
        options.RetryBaseDelay = TimeSpan.Zero;
        options.TimeProvider = _state.Options.TimeProvider;
        options.RateLimitStore = _rateLimits;
    }

    /// <summary>A client for this sandbox, built from <see cref="CreateOptions"/>. The caller disposes it.</summary>
    /// <param name="configure">Changes to the options, as for <see cref="CreateOptions"/>.</param>
    /// <returns>A new client.</returns>
    public DataPulseClient CreateClient(Action<DataPulseClientOptions>? configure = null) => new(CreateOptions(configure));

    /// <summary>Answers the next <paramref name="calls"/> requests with 429 <c>rate_limit_exceeded</c> and
    /// <c>Retry-After</c> set to <paramref name="retryAfter"/> (rounded up to whole seconds). Replaces an earlier setting.</summary>
    /// <param name="calls">How many requests to refuse; 0 disarms.</param>
    /// <param name="retryAfter">The wait to announce; zero is allowed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or wait.</exception>
    public void RateLimitNextCalls(int calls, TimeSpan retryAfter) => _state.Scenarios.RateLimit(calls, retryAfter);

    /// <summary>Answers the next <paramref name="calls"/> requests with <paramref name="status"/> and a contract-shaped error
    /// body. Applied after any armed rate limit. Replaces an earlier setting.</summary>
    /// <param name="calls">How many requests to fail; 0 disarms.</param>
    /// <param name="status">An error status from 400 to 599, for example <see cref="HttpStatusCode.ServiceUnavailable"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or a status outside 400-599.</exception>
    public void FailNextCalls(int calls, HttpStatusCode status) => _state.Scenarios.Fail(calls, status);

    /// <summary>Delays every following response by <paramref name="latency"/>, added to any latency set before. The wait
    /// runs on <see cref="DataPulseSandboxOptions.TimeProvider"/>: with a fake clock, responses wait until it is advanced.</summary>
    /// <param name="latency">The extra delay.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative delay.</exception>
    public void AddLatency(TimeSpan latency) => _state.Scenarios.AddLatency(latency);

    /// <summary>Makes following exports answer 202 Accepted with a report id and <c>Location</c>; <c>GET /v1/reports/{id}</c>
    /// then answers <c>processing</c> (with <c>Retry-After: 0</c>) <paramref name="pollsBeforeReady"/> times, then
    /// <c>ready</c>, and <c>/download</c> serves the file.</summary>
    /// <param name="pollsBeforeReady">Status polls that answer <c>processing</c> before <c>ready</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public void MakeExportsAsynchronous(int pollsBeforeReady = 1) => _state.Scenarios.MakeExportsAsynchronous(pollsBeforeReady);

    /// <summary>Cuts the connection halfway through the next report file (an export or a download): the headers,
    /// including the full <c>Content-Length</c>, and half the bytes go out, then the connection is reset.</summary>
    public void DropDownloadMidway() => _state.Scenarios.DropNextDownload();

    /// <summary>Disarms every scenario, removes latency, clears <see cref="ReceivedRequests"/>, returns the data
    /// (schedules, asynchronous reports, trace ids) to its seeded state, and clears the rate-limit windows, pauses and
    /// retry budgets its clients (those built from <see cref="CreateOptions"/> or <see cref="ConfigureOptions"/>, so also
    /// those <c>AddDataPulseSandbox</c> registers) share, so a test starts where the last one did not leave it.</summary>
    public void Reset()
    {
        _state.Reset();
        _rateLimits.Clear();
    }

    /// <summary>Stops the server and releases its port and resources. Requests still held back by latency are dropped.</summary>
    public void Dispose() => Task.Run(() => _host.DisposeAsync().AsTask()).GetAwaiter().GetResult();

    /// <summary>Stops the server and releases its port and resources. Requests still held back by latency are dropped.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
