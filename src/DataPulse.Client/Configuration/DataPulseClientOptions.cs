using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;

namespace DataPulse.Client;

/// <summary>
/// Settings for a <see cref="DataPulseClient"/>. Checked when the client is built (or, with dependency injection, when the
/// host starts); a bad setting fails with a message that names it. The client takes a copy: changing an options object
/// after building a client from it does not change that client.
/// </summary>
[DebuggerDisplay("BaseAddress = {BaseAddress}, MaxRetries = {MaxRetries}")]
public sealed class DataPulseClientOptions
{
    /// <summary>The name of the configuration section <c>AddDataPulse(IConfiguration)</c> reads by convention: <c>DataPulse</c>.</summary>
    public const string ConfigurationSectionName = "DataPulse";

    /// <summary>The production API, <c>https://api.datapulse.io</c>: the default <see cref="BaseAddress"/>.</summary>
    public static Uri ProductionBaseAddress { get; } = new("https://api.datapulse.io/");

    /// <summary>
    /// The DataPulse-hosted sandbox, <c>https://sandbox.datapulse.io</c>, for <c>dp_test_sk_</c> keys (configuration:
    /// <c>Environment: Sandbox</c>). Not the in-process <c>DataPulseSandbox</c> of the DataPulse.Client.Testing package,
    /// which runs on a loopback address of its own.
    /// </summary>
    public static Uri SandboxBaseAddress { get; } = new("https://sandbox.datapulse.io/");

    /// <summary>
    /// The API key, <c>dp_live_sk_…</c> or <c>dp_test_sk_…</c>. Required. Sent only as the <c>Authorization</c> header,
    /// never written to a log, a message or <see cref="object.ToString"/>.
    /// </summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the API lives. Must be <c>https://</c>; plain <c>http://</c> is accepted only for a loopback host
    /// (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>), such as a local fake or the in-process <c>DataPulseSandbox</c>.
    /// </summary>
    /// <value>The default is <see cref="ProductionBaseAddress"/>.</value>
    public Uri BaseAddress { get; set; } = ProductionBaseAddress;

    /// <summary>
    /// The overall deadline of one call, across every attempt and every wait between attempts. A download's body, read
    /// after the call returns, is not bound by it. Between 1 millisecond and 1 day.
    /// </summary>
    /// <value>The default is 100 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The deadline of one attempt: until the response headers arrive and, for a JSON answer, its body. A report
    /// download's body is streamed afterwards and not covered. An attempt that times out is retried like a connection
    /// failure (GET, or a POST with an <c>Idempotency-Key</c>). Not longer than <see cref="Timeout"/>.
    /// </summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed attempt is retried (see the README's "Retries and rate limits"). 0 turns retries off. From 0 to 10.</summary>
    /// <value>The default is 3.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits out. When the server asks for longer, the client does not wait:
    /// it throws <see cref="DataPulseRateLimitException"/> (or <see cref="DataPulseServerException"/> for a 503) at once,
    /// carrying the requested wait. The same happens when the wait would end after the overall <see cref="Timeout"/>.
    /// 0 means never wait on a <c>Retry-After</c> (only <c>Retry-After: 0</c> is retried). From 0 to 1 day.
    /// </summary>
    /// <value>The default is 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The backoff when the server gives no <c>Retry-After</c>: retry <c>n</c> (1 for the first) waits a random time
    /// between half and all of <c>RetryBaseDelay × 2^(n-1)</c>, never more than <see cref="MaxBackoffDelay"/>
    /// (defaults: 0.5–1 s, 1–2 s, 2–4 s). 0 retries at once. From 0 to 30 seconds.
    /// </summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay between two attempts when the server gives no <c>Retry-After</c>: 30 seconds.</summary>
    public static TimeSpan MaxBackoffDelay { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an export waits for a report the server generates asynchronously (<c>202 Accepted</c>) to become ready,
    /// polling its status as <c>Retry-After</c> asks. When it runs out, the export throws
    /// <see cref="DataPulseTimeoutException"/> naming the report, which may still finish. Downloading the file is not
    /// counted. More than zero and at most 1 day.
    /// </summary>
    /// <value>The default is 30 minutes.</value>
    public TimeSpan ReportGenerationTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a report download may receive nothing before it is abandoned with a <see cref="DataPulseTimeoutException"/>
    /// (<see cref="DataPulseTimeoutKind.DownloadIdle"/>), so a connection that went silent never hangs a save. The download
    /// as a whole has no limit. More than zero and at most 1 day.
    /// </summary>
    /// <value>The default is 60 seconds.</value>
    public TimeSpan DownloadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The largest answer the client reads into memory: every answer but a report file is read whole, inside its attempt
    /// and under its deadlines, into a pooled buffer. A larger one fails with a <see cref="DataPulseException"/> saying so,
    /// and is not retried; report files are streamed and not bound by it. From 1 KiB to 1 GiB.
    /// </summary>
    /// <value>The default is 32 MiB (a 10,000-row query of six columns is about 1 MiB).</value>
    public int MaxResponseBufferSize { get; set; } = DefaultMaxResponseBufferSize;

    /// <summary>The default of <see cref="MaxResponseBufferSize"/>: 32 MiB.</summary>
    public const int DefaultMaxResponseBufferSize = 32 * 1024 * 1024;

    /// <summary>
    /// An optional name for the calling application, added to the <c>User-Agent</c> header, for example <c>acme-billing/2.1</c>.
    /// Letters, digits and <c>. _ - / +</c> only, at most 100 characters.
    /// </summary>
    public string? ApplicationId { get; set; }

    /// <summary>The clock used for <c>Retry-After</c> dates and every wait. Replace it with a fake clock in tests.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where a directly constructed client writes its logs. With dependency injection the container's logging is used.</summary>
    /// <value>The default is none: nothing is logged.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Whether request and response bodies are written to the log (at <see cref="LogLevel.Debug"/>, category
    /// <c>DataPulse.Client</c>). Off by default: SQL, features and results can hold personal data. When on, JSON bodies
    /// (and error bodies) are logged up to <see cref="MaxLoggedBodyLength"/> characters each, with the API key scrubbed;
    /// JSON answers are buffered in memory to do so. Report files are never read or logged. The key and the
    /// <c>Authorization</c> header are never logged, whatever this says.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogBodies { get; set; }

    /// <summary>The most characters of one body written to the log when <see cref="LogBodies"/> is on: 4096.</summary>
    public const int MaxLoggedBodyLength = Telemetry.CallTelemetry.MaxLoggedBodyLength;

    /// <summary>
    /// Adds strategies to the SDK's resilience pipeline. Runs after the SDK added its retry, so what it adds runs inside
    /// the retry, once per attempt (the SDK's attempt and overall deadlines hold around it).
    /// </summary>
    public Action<ResiliencePipelineBuilder<HttpResponseMessage>>? ConfigureResilience { get; set; }

    /// <summary>
    /// Replaces the SDK's retry pipeline with the caller's own. When set, <see cref="MaxRetries"/>,
    /// <see cref="MaxRetryAfter"/>, <see cref="RetryBaseDelay"/> and <see cref="ConfigureResilience"/> are not used;
    /// <see cref="Timeout"/> and <see cref="AttemptTimeout"/> still bound every call and attempt.
    /// </summary>
    public ResiliencePipeline<HttpResponseMessage>? ResiliencePipeline { get; set; }

    /// <summary>
    /// Whether the client paces its requests to the rate-limit window the server reports (<c>X-RateLimit-*</c>), shared
    /// by every client on the same API key and base address: when the window is spent, new attempts wait for its reset
    /// (cancellable, within <see cref="Timeout"/>; a wait longer than <see cref="MaxRetryAfter"/> throws
    /// <see cref="DataPulseRateLimitException"/> at once, as a 429 would); a 429 with <c>Retry-After</c> holds every caller on
    /// the window; and until the first answer tells the window, at most four requests are in flight. A pipeline of your
    /// own (<see cref="ResiliencePipeline"/>) is not paced.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool RateLimitPacing { get; set; } = true;

    /// <summary>
    /// The retry budget: retries draw from a bucket of tokens that successes refill, so that in an outage the client
    /// stops retrying and fails fast instead of multiplying the load (see <see cref="RateLimiting.RetryBudgetOptions"/>).
    /// Shared by every client on the same API key and base address. Not used when <see cref="MaxRetries"/> is 0.
    /// </summary>
    /// <value>The default is enabled, 100 tokens, 0.1 token back per success.</value>
    public RateLimiting.RetryBudgetOptions RetryBudget { get; set; } = new();

    /// <summary>
    /// Where the rate-limit window and the retry budget are kept. Null keeps them in this process; a shared store (such as
    /// <c>DataPulse.Client.Redis</c>) makes a fleet of processes on one key pace as one. When the store is unreachable,
    /// calls go on with the in-process window and budget, with one warning a minute, and use the store again when it is back.
    /// </summary>
    /// <value>The default is <see langword="null"/>: in-process.</value>
    public RateLimiting.IRateLimitStore? RateLimitStore { get; set; }

    /// <summary>Values configuration held that could not be read (set while binding a configuration section).</summary>
    internal IReadOnlyList<string>? ConfigurationProblems { get; set; }

    /// <summary>Returns a description without the API key.</summary>
    public override string ToString() =>
        $"DataPulseClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {Http.ApiKey.Redact(ApiKey)}, MaxRetries = {MaxRetries}, Timeout = {Timeout} }}";

    /// <summary>
    /// The copy a client keeps. Every setting is copied by <see cref="object.MemberwiseClone"/>; a group of settings held as
    /// an object of its own (<see cref="RetryBudget"/>) copies itself the same way, so changing the original later never
    /// changes a built client and a new setting needs no line here.
    /// </summary>
    internal DataPulseClientOptions Clone()
    {
        var copy = (DataPulseClientOptions)MemberwiseClone();
        copy.RetryBudget = RetryBudget?.Clone()!;
        return copy;
    }
}
