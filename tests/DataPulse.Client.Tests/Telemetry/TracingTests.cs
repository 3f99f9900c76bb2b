using DataPulse.Client.Telemetry;
using System.Diagnostics;
using DataPulse.Client.Http;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPulse.Client.Tests.Telemetry;

public sealed class TracingTests : IDisposable, IClassFixture<ApiServer>
{
    private readonly ApiServer _api;
    private readonly ActivityCapture _spans;

    public TracingTests(ApiServer api)
    {
        _api = api.Reset();
        _spans = new ActivityCapture(_api.BaseAddress.Port);
    }

    public void Dispose()
    {
        _spans.Dispose();
    }

    [Fact]
    public async Task Success_OneInternalSpanWithHttpAndDataPulseAttributes()
    {
        CannedResponses.Kpis(_api.Server, traceId: "trc_span_1");
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync(DataPulse.Client.Analytics.KpiPeriod.SevenDays);

        var span = _spans.Stopped.Should().ContainSingle().Subject;
        span.DisplayName.Should().Be("Analytics.GetKpiSummary");
        span.Kind.Should().Be(ActivityKind.Internal);
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem("datapulse.operation").Should().Be("Analytics.GetKpiSummary");
        span.GetTagItem("http.request.method").Should().Be("GET");
        span.GetTagItem("server.address").Should().Be(_api.BaseAddress.Host);
        span.GetTagItem("server.port").Should().Be(_api.BaseAddress.Port);
        span.GetTagItem("url.full").Should().Be($"{_api.BaseAddress.GetLeftPart(UriPartial.Authority)}{CannedResponses.KpisPath}");
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.GetTagItem("datapulse.trace_id").Should().Be("trc_span_1");
        span.GetTagItem("datapulse.attempts").Should().Be(1);
    }

    [Fact]
    public async Task Retries_StayInOneSpanWithARetryEventEach()
    {
        CannedResponses.KpisFailThenSucceed(_api.Server, 503, failures: 2);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        var span = _spans.Stopped.Should().ContainSingle().Subject;
        span.GetTagItem("datapulse.attempts").Should().Be(3);
        span.Events.Where(e => e.Name == "datapulse.retry").Should().HaveCount(2);
    }

    [Fact]
    public async Task ErrorStatus_MarksTheSpanWithStatusCodeAsErrorType()
    {
        CannedResponses.Error(_api.Server, "/v1/customers/cust_1", 404, "not_found_error", "customer_not_found");
        using var client = _api.CreateClient();

        var act = () => client.Customers.GetAsync("cust_1");

        await act.Should().ThrowAsync<DataPulseNotFoundException>();
        var span = _spans.Stopped.Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be("404");
        span.GetTagItem("http.response.status_code").Should().Be(404);
        span.GetTagItem("datapulse.trace_id").Should().Be(CannedResponses.TraceId);
    }

    [Fact]
    public async Task ConnectionFailure_UsesTheExceptionTypeAsErrorType()
    {
        var closed = ScriptedServer.ClosedPort();
        using var capture = new ActivityCapture(closed.Port);
        using var client = _api.CreateClient(options => (options.BaseAddress, options.MaxRetries) = (closed, 0));

        var act = () => client.Analytics.GetKpiSummaryAsync();

        await act.Should().ThrowAsync<DataPulseConnectionException>();
        var span = capture.Stopped.Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be(typeof(DataPulseConnectionException).FullName);
        span.GetTagItem("http.response.status_code").Should().BeNull();
    }

    [Fact]
    public async Task ContainerClient_EmitsTheSameSpan()
    {
        CannedResponses.Kpis(_api.Server);
        var services = new ServiceCollection();
        services.AddDataPulse(options => (options.ApiKey, options.BaseAddress) = (ApiServer.ApiKey, _api.BaseAddress));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        var span = _spans.Stopped.Should().ContainSingle().Subject;
        span.DisplayName.Should().Be("Analytics.GetKpiSummary");
        span.GetTagItem("http.response.status_code").Should().Be(200);
    }

    [Fact]
    public void UrlFull_DropsUserInfoAndTheWholeQuery()
    {
        var uri = new Uri("https://user:pw@api.datapulse.io/v1/x?token=abc&period=30d#part");

        CallTelemetry.FullUrl(uri, ApiServer.ApiKey).Should().Be("https://api.datapulse.io/v1/x");
    }

    [Fact]
    public void UrlFull_ScrubsTheKeyFromThePath()
    {
        var uri = new Uri($"https://api.datapulse.io/v1/customers/{ApiServer.ApiKey}");

        CallTelemetry.FullUrl(uri, ApiServer.ApiKey).ShouldNotContainKey();
    }
}
