using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using DataPulse.Client.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// One KPI GET through the SDK with every default on (retries, timeouts, telemetry with no listener), against what a
/// caller would write instead, all over the same in-memory answer (the contract's KPI JSON and usual headers).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class KpiBenchmarks
{
    private HttpClient _handWritten = null!;
    private HttpClient _sdkTransport = null!;
    private DataPulseClient _sdk = null!;
    private HttpClient _sdkPlainTransport = null!;
    private DataPulseClient _sdkPlain = null!;
    private ServiceProvider _sdkServices = null!;
    private IDataPulseClient _sdkFromServices = null!;
    private HttpClient _refitTransport = null!;
    private IRefitAnalyticsApi _refit = null!;
    private ServiceProvider _services = null!;
    private IRefitAnalyticsApi _refitResilient = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handWritten = Payloads.HandWrittenClient(new CannedResponseHandler(Payloads.KpiJson), Payloads.FakeBase);

        _sdkTransport = new HttpClient(new CannedResponseHandler(Payloads.KpiJson));
        _sdk = new DataPulseClient(_sdkTransport, new DataPulseClientOptions { ApiKey = Payloads.ApiKey });

        // For reference: what the rate-limit safety features (pacing, retry budget) cost on a call the server never limits.
        _sdkPlainTransport = new HttpClient(new CannedResponseHandler(Payloads.KpiJson));
        _sdkPlain = new DataPulseClient(_sdkPlainTransport, new DataPulseClientOptions
        {
            ApiKey = Payloads.ApiKey,
            RateLimitPacing = false,
            RetryBudget = new() { Enabled = false },
        });

        // The way an app usually adds the SDK: AddDataPulse, whose transport is IHttpClientFactory's handler chain (here
        // only the in-memory primary handler), so each attempt sends the request itself rather than a copy through a
        // second HttpClient.
        var sdkServices = new ServiceCollection();
        sdkServices.AddDataPulse(options =>
        {
            options.ApiKey = Payloads.ApiKey;
            options.BaseAddress = Payloads.FakeBase;
        }).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => new CannedResponseHandler(Payloads.KpiJson));
        _sdkServices = sdkServices.BuildServiceProvider();
        _sdkFromServices = _sdkServices.GetRequiredService<IDataPulseClient>();

        var refitSettings = RefitSettings.ForJsonContext(BenchJsonContext.Default);
        _refitTransport = Payloads.HandWrittenClient(new CannedResponseHandler(Payloads.KpiJson), Payloads.FakeBase);
        _refit = RestService.ForGenerated<IRefitAnalyticsApi>(_refitTransport, refitSettings);

        // The usual way to add resilience to a Refit client: IHttpClientFactory with the standard resilience handler.
        var services = new ServiceCollection();
        services.AddHttpClient("refit", http => http.BaseAddress = Payloads.FakeBase)
            .ConfigurePrimaryHttpMessageHandler(() => new CannedResponseHandler(Payloads.KpiJson))
            .AddStandardResilienceHandler();
        _services = services.BuildServiceProvider();
        var resilientClient = Bearer(_services.GetRequiredService<IHttpClientFactory>().CreateClient("refit"));
        _refitResilient = RestService.ForGenerated<IRefitAnalyticsApi>(resilientClient, refitSettings);

        // Each variant must read the same figures, or the comparison means nothing.
        if (HandWritten().GetAwaiter().GetResult() != 2845000m || Sdk().GetAwaiter().GetResult() != 2845000m || SdkWithoutPacing().GetAwaiter().GetResult() != 2845000m || SdkFromServices().GetAwaiter().GetResult() != 2845000m
            || Refit().GetAwaiter().GetResult() != 2845000m || RefitWithStandardResilience().GetAwaiter().GetResult() != 2845000m)
        {
            throw new InvalidOperationException("A variant read the KPI answer wrongly.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkTransport.Dispose();
        _sdkPlain.Dispose();
        _sdkPlainTransport.Dispose();
        _sdkServices.Dispose();
        _handWritten.Dispose();
        _refitTransport.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + STJ source-gen")]
    public async Task<decimal> HandWritten()
    {
        var envelope = await _handWritten.GetFromJsonAsync(Payloads.KpiPath, BenchJsonContext.Default.KpiEnvelope);
        return envelope!.Data.Revenue;
    }

    [Benchmark(Description = "SDK GetKpiSummaryAsync (defaults)")]
    public async Task<decimal> Sdk() => (await _sdk.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail)).Revenue;

    [Benchmark(Description = "SDK from AddDataPulse (IHttpClientFactory)")]
    public async Task<decimal> SdkFromServices() => (await _sdkFromServices.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail)).Revenue;

    [Benchmark(Description = "SDK, pacing and retry budget off (reference)")]
    public async Task<decimal> SdkWithoutPacing() => (await _sdkPlain.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail)).Revenue;

    [Benchmark(Description = "Refit (generated)")]
    public async Task<decimal> Refit() => (await _refit.GetKpis("30d", "retail")).Data.Revenue;

    [Benchmark(Description = "Refit + standard resilience")]
    public async Task<decimal> RefitWithStandardResilience() => (await _refitResilient.GetKpis("30d", "retail")).Data.Revenue;

    private static HttpClient Bearer(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Payloads.ApiKey);
        return client;
    }
}
