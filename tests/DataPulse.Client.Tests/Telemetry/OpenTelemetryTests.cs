using System.Diagnostics;
using DataPulse.Client.Analytics;
using DataPulse.Client.Telemetry;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DataPulse.Client.Tests.Observability;

/// <summary>
/// What an app sees through the REAL OpenTelemetry SDK (in-memory exporter), configured as the README says. The providers
/// hear every test running in parallel: each test keeps only what went to its own server's port.
/// </summary>
public sealed class OpenTelemetryTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _tracing;

    public OpenTelemetryTests() =>
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource("DataPulse.Client")
            // .NET 9+ emits the HTTP client spans itself; no instrumentation package is needed.
            .AddSource("System.Net.Http")
            .AddInMemoryExporter(_spans)
            .Build()!;

    public void Dispose()
    {
        _tracing.Dispose();
        _api.Dispose();
    }

    private List<Activity> SpansToOurServer()
    {
        _tracing.ForceFlush();
        lock (_spans)
        {
            return _spans.Where(s => s.GetTagItem("server.port") is int port && port == _api.BaseAddress.Port).ToList();
        }
    }

    private Activity OperationSpan() => SpansToOurServer().Should().ContainSingle(s => s.Source.Name == "DataPulse.Client").Subject;

    private List<Activity> HttpSpansOf(Activity operation) =>
        SpansToOurServer().Where(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == operation.SpanId).ToList();

    [Fact]
    public async Task Call_IsOneInternalSpanWithItsHttpClientSpanAsChild()
    {
        CannedResponses.Kpis(_api.Server);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync(KpiPeriod.SevenDays);

        var operation = OperationSpan();
        operation.Kind.Should().Be(ActivityKind.Internal);
        operation.DisplayName.Should().Be("Analytics.GetKpiSummary");
#if NET9_0_OR_GREATER // .NET 8's HttpClient emits no spans of its own (an instrumentation package would).
        var http = HttpSpansOf(operation).Should().ContainSingle().Subject;
        http.Kind.Should().Be(ActivityKind.Client);
        http.TraceId.Should().Be(operation.TraceId);
#endif
    }

    [Fact]
    public async Task Call_CarriesTheHttpSemanticConventionAttributes_AndUrlFullWithoutTheQuery()
    {
        CannedResponses.Kpis(_api.Server);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync(KpiPeriod.SevenDays);

        var operation = OperationSpan();
        operation.GetTagItem("http.request.method").Should().Be("GET");
        operation.GetTagItem("server.address").Should().Be(_api.BaseAddress.Host);
        operation.GetTagItem("server.port").Should().Be(_api.BaseAddress.Port);
        operation.GetTagItem("url.full").Should().Be($"{_api.BaseAddress.GetLeftPart(UriPartial.Authority)}{CannedResponses.KpisPath}");
        operation.GetTagItem("http.response.status_code").Should().Be(200);
        operation.GetTagItem("error.type").Should().BeNull();
        operation.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task Retries_AreEventsOnTheOneOperationSpan_WithAnHttpSpanPerAttempt()
    {
        CannedResponses.KpisFailThenSucceed(_api.Server, 503, failures: 2);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        var operation = OperationSpan();
        operation.Events.Where(e => e.Name == "datapulse.retry").Select(e => e.Tags.First(t => t.Key == "error.type").Value)
            .Should().Equal("503", "503");
#if NET9_0_OR_GREATER // .NET 8's HttpClient emits no spans of its own.
        HttpSpansOf(operation).Should().HaveCount(3);
#endif
    }

    [Fact]
    public async Task RetryEvent_CarriesTheStatusCodeUnderItsSemanticConventionName()
    {
        CannedResponses.KpisFailThenSucceed(_api.Server, 503, failures: 1);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        var retry = OperationSpan().Events.Should().ContainSingle(e => e.Name == "datapulse.retry").Subject;
        retry.Tags.Should().Contain(new KeyValuePair<string, object?>("http.response.status_code", 503)).And.NotContain(t => t.Key == "datapulse.status");
    }

    [Fact]
    public async Task ErrorStatus_SetsErrorTypeToTheStatusCode()
    {
        CannedResponses.Error(_api.Server, "/v1/customers/cust_1", 404, "not_found_error", "customer_not_found");
        using var client = _api.CreateClient();

        var act = () => client.Customers.GetAsync("cust_1");

        await act.Should().ThrowAsync<DataPulseNotFoundException>();
        var operation = OperationSpan();
        operation.Status.Should().Be(ActivityStatusCode.Error);
        operation.GetTagItem("error.type").Should().Be("404");
        operation.GetTagItem("http.response.status_code").Should().Be(404);
    }

    [Fact]
    public async Task DurationHistogram_SeparatesFiveMillisecondsFromFiveHundred()
    {
        CannedResponses.Kpis(_api.Server);
        var metrics = new List<MetricSnapshot>();
        var builder = Sdk.CreateMeterProviderBuilder().AddMeter("DataPulse.Client").AddInMemoryExporter(metrics);
#if !NET9_0_OR_GREATER
        // Instruments take no advice on .NET 8: there the README's view gives the boundaries (ReadmeView_GivesTheAdvisedBoundaries).
        builder.AddView(DataPulseMetrics.DurationName, new ExplicitBucketHistogramConfiguration { Boundaries = DataPulseMetrics.DurationBuckets });
#endif
        using var meters = builder.Build()!;
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var took = TimeSpan.Zero;
        services.AddDataPulse(options => (options.ApiKey, options.BaseAddress) = (ApiServer.ApiKey, _api.BaseAddress))
            .HttpClientBuilder.AddHttpMessageHandler(() => new TakingHandler(clock, () => took));
        await using var provider = services.BuildServiceProvider();
        var analytics = provider.GetRequiredService<IAnalyticsClient>();

        took = TimeSpan.FromMilliseconds(5);
        await analytics.GetKpiSummaryAsync();
        took = TimeSpan.FromMilliseconds(500);
        await analytics.GetKpiSummaryAsync();
        meters.ForceFlush();

        var buckets = DurationBucketsToOurServer(metrics);
        buckets.Select(b => b.Bound).Should().Equal(DataPulseMetrics.DurationBuckets.Append(double.PositiveInfinity));
        buckets.Where(b => b.Count > 0).Select(b => (b.Bound, b.Count)).Should().Equal((0.005, 1L), (0.5, 1L));
    }

    [Fact]
    public void ReadmeView_GivesTheAdvisedBoundaries()
    {
        // The README's View for net8.0 (where instruments take no advice), as written there.
        var view = new ExplicitBucketHistogramConfiguration
        {
            Boundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60],
        };

        view.Boundaries.Should().Equal(DataPulseMetrics.DurationBuckets);
    }

    private List<(double Bound, long Count)> DurationBucketsToOurServer(List<MetricSnapshot> metrics)
    {
        var point = metrics.Where(m => m.Name == DataPulseMetrics.DurationName)
            .SelectMany(m => m.MetricPoints)
            .Should().ContainSingle(p => HasPort(p, _api.BaseAddress.Port)).Subject;
        var buckets = new List<(double Bound, long Count)>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            buckets.Add((bucket.ExplicitBound, bucket.BucketCount));
        }

        return buckets;
    }

    private static bool HasPort(MetricPoint point, int port)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == "server.port" && tag.Value is int value && value == port)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Makes each attempt take a set time on the container's fake clock, so durations are exact.</summary>
    private sealed class TakingHandler(FakeTimeProvider clock, Func<TimeSpan> took) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            clock.Advance(took());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
