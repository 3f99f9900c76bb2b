using System.Diagnostics;
using DataPulse.Client.Analytics;
using DataPulse.Client.Customers;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using DataPulse.Client.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace DataPulse.Client;

/// <summary>
/// The DataPulse Analytics API client: every operation, with typed inputs, typed results and typed exceptions.
/// Thread-safe; build one and share it across the whole application, and dispose it when the application ends.
/// </summary>
/// <example>
/// <code>
/// using var client = new DataPulseClient(Environment.GetEnvironmentVariable("DATAPULSE_API_KEY")!);
/// var kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);
/// </code>
/// </example>
[DebuggerDisplay("DataPulseClient {BaseAddress}")]
public sealed class DataPulseClient : IDataPulseClient, IDisposable
{
    internal static readonly RefitSettings RefitSettings = RefitSettings.ForJsonContext(DataPulseJsonContext.Default);

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;

    /// <summary>Creates a client for the production API with default settings.</summary>
    /// <param name="apiKey">Your API key, <c>dp_live_sk_…</c> or <c>dp_test_sk_…</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is null, empty, white space or holds characters a key cannot have.</exception>
    public DataPulseClient(string apiKey)
        : this(OptionsFor(apiKey))
    {
    }

    /// <summary>Creates a client from options.</summary>
    /// <param name="options">The settings; the client keeps a copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names every invalid setting.</exception>
    public DataPulseClient(DataPulseClientOptions options)
        : this(options, transport: null)
    {
    }

    /// <summary>
    /// Creates a client that sends through your own <see cref="HttpClient"/> (its proxy, handlers and certificates). The SDK's
    /// authentication, retries and error mapping still apply. Disposing this client leaves <paramref name="httpClient"/> open.
    /// </summary>
    /// <param name="httpClient">The client to send through; you keep ownership. Its <see cref="HttpClient.BaseAddress"/> is ignored.</param>
    /// <param name="options">The settings; the client keeps a copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names every invalid setting.</exception>
    public DataPulseClient(HttpClient httpClient, DataPulseClientOptions options)
        : this(options, new CallerHttpClientHandler(httpClient ?? throw new ArgumentNullException(nameof(httpClient))))
    {
    }

    /// <summary>The direct path with a transport of the SDK's choosing (its own, a caller's client, or an in-memory one in benchmarks).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "The direct path owns its HttpClient: built here over the SDK's handler chain, disposed with the client.")]
    internal DataPulseClient(DataPulseClientOptions options, HttpMessageHandler? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Clone();
        DataPulseClientOptionsValidator.ThrowIfInvalid(settings, nameof(options));
        var logger = (settings.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(DataPulseTelemetry.Name);
        WarnOnUnknownKeyPrefix(settings.ApiKey!, logger);

        var handler = DataPulseHandlers.CreateChain(settings, ApiKeyProvider.Fixed(settings.ApiKey!), logger, transport ?? PrimaryHandler.Create());
        _httpClient = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = TransportSecurity.Normalize(settings.BaseAddress),
            // The pipeline's own overall timeout governs; HttpClient's must never cut a Retry-After wait short.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _ownsHttpClient = true;
        (Analytics, Customers, Predictions, Reports) = CreateResources(_httpClient, settings);
    }

    /// <summary>
    /// For dependency injection: <paramref name="configuredClient"/> already carries the SDK's handlers and base address;
    /// <paramref name="options"/> are the validated options of this client's name.
    /// </summary>
    internal static DataPulseClient ForConfiguredClient(HttpClient configuredClient, DataPulseClientOptions options) =>
        new(configuredClient, options, ownsHttpClient: false);

    private DataPulseClient(HttpClient configuredClient, DataPulseClientOptions options, bool ownsHttpClient)
    {
        _httpClient = configuredClient;
        _ownsHttpClient = ownsHttpClient;
        (Analytics, Customers, Predictions, Reports) = CreateResources(configuredClient, options);
    }

    /// <inheritdoc />
    public IAnalyticsClient Analytics { get; }

    /// <inheritdoc />
    public ICustomersClient Customers { get; }

    /// <inheritdoc />
    public IPredictionsClient Predictions { get; }

    /// <inheritdoc />
    public IReportsClient Reports { get; }

    /// <summary>The address the client calls.</summary>
    public Uri? BaseAddress => _httpClient.BaseAddress;

    /// <summary>Releases the connections this client opened. A caller-supplied <see cref="HttpClient"/> is left open.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>Returns a description without the API key.</summary>
    public override string ToString() => $"DataPulseClient {{ BaseAddress = {BaseAddress} }}";

    internal static void WarnOnUnknownKeyPrefix(string apiKey, ILogger logger)
    {
        if (!ApiKey.HasKnownPrefix(apiKey))
        {
            Log.UnknownKeyPrefix(logger);
        }
    }

    // The options are for resource clients that keep time of their own (for example report polling).
    private static (IAnalyticsClient, ICustomersClient, IPredictionsClient, IReportsClient) CreateResources(HttpClient httpClient, DataPulseClientOptions options) => (
        new AnalyticsClient(RestService.ForGenerated<IAnalyticsApi>(httpClient, RefitSettings)),
        new CustomersClient(RestService.ForGenerated<ICustomersApi>(httpClient, RefitSettings)),
        new PredictionsClient(RestService.ForGenerated<IPredictionsApi>(httpClient, RefitSettings)),
        new ReportsClient(RestService.ForGenerated<IReportsApi>(httpClient, RefitSettings), options.TimeProvider, options.ReportGenerationTimeout, options.DownloadIdleTimeout));

    private static DataPulseClientOptions OptionsFor(string apiKey)
    {
        if (ApiKey.Check(apiKey) is { } problem)
        {
            throw new ArgumentException(problem, nameof(apiKey));
        }

        return new DataPulseClientOptions { ApiKey = apiKey };
    }
}
