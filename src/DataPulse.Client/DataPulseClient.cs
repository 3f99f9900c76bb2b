using System.Diagnostics;
using DataPulse.Client.Analytics;
using DataPulse.Client.Configuration;
using DataPulse.Client.Customers;
using DataPulse.Client.Http;
using DataPulse.Client.Pipeline;
using DataPulse.Client.Predictions;
using DataPulse.Client.RateLimiting;
using DataPulse.Client.Reports;
using DataPulse.Client.Telemetry;
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
    private readonly HttpClient _httpClient;

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
        : this(options, static () => new Transport.Handler(PrimaryHandler.Create(), ownsHandler: true))
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
        : this(options, Caller(httpClient))
    {
    }

    /// <summary>The direct path: the options are validated before the transport is made, so a bad setting opens nothing.</summary>
    private DataPulseClient(DataPulseClientOptions options, Func<Transport> transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Clone();
        DataPulseClientOptionsValidator.ThrowIfInvalid(settings, nameof(options));
        var logger = (settings.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger(DataPulseTelemetry.Name);
        WarnOnUnknownKeyPrefix(settings.ApiKey!, logger);
        _httpClient = CallPipeline.Create(
            settings, ApiKeyProvider.Fixed(settings.ApiKey!), logger, DataPulseMetrics.Default, transport(), RateLimitRegistry.Shared(settings.TimeProvider));
        (Analytics, Customers, Predictions, Reports) = CreateResources(_httpClient, settings);
    }

    /// <summary>For dependency injection: <paramref name="httpClient"/> was built by <see cref="CallPipeline"/> for this client's name.</summary>
    private DataPulseClient(DataPulseClientOptions options, HttpClient httpClient)
    {
        _httpClient = httpClient;
        (Analytics, Customers, Predictions, Reports) = CreateResources(httpClient, options);
    }

    internal static DataPulseClient ForPipeline(HttpClient httpClient, DataPulseClientOptions options) => new(options, httpClient);

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

    /// <summary>
    /// Releases the connections this client opened; calls still running end with <see cref="ObjectDisposedException"/>,
    /// as do later ones. A caller-supplied <see cref="HttpClient"/> is left open.
    /// </summary>
    public void Dispose() => _httpClient.Dispose();

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
        new AnalyticsClient(RestService.ForGenerated<IAnalyticsApi>(httpClient, RefitRequests.Settings)),
        new CustomersClient(RestService.ForGenerated<ICustomersApi>(httpClient, RefitRequests.Settings)),
        new PredictionsClient(RestService.ForGenerated<IPredictionsApi>(httpClient, RefitRequests.Settings)),
        new ReportsClient(RestService.ForGenerated<IReportsApi>(httpClient, RefitRequests.Settings), options.TimeProvider, options.ReportGenerationTimeout, options.DownloadIdleTimeout));

    private static Func<Transport> Caller(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => new Transport.CallerClient(httpClient);
    }

    private static DataPulseClientOptions OptionsFor(string apiKey)
    {
        if (ApiKey.Check(apiKey) is { } problem)
        {
            throw new ArgumentException(problem, nameof(apiKey));
        }

        return new DataPulseClientOptions { ApiKey = apiKey };
    }
}
