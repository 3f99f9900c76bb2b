using System.Diagnostics.Metrics;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPulse.Client.Tests.Telemetry;

public sealed class MetricsTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public MetricsTests(ApiServer api) => _api = api.Reset();

    /// <summary>A container with its own IMeterFactory, so that measurements from tests running in parallel stay apart.</summary>
    private ServiceProvider Container()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddDataPulse(options => (options.ApiKey, options.BaseAddress, options.RetryBaseDelay) = (ApiServer.ApiKey, _api.BaseAddress, TimeSpan.Zero));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task DirectClient_RecordsDurationInSecondsWithOperationAndStatus()
    {
        CannedResponses.Kpis(_api.Server);
        using var metrics = new MetricCapture();
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        var measurement = metrics.Of("datapulse.client.request.duration", _api.BaseAddress.Port).Should().ContainSingle().Subject;
        measurement.Value.Should().BeGreaterThan(0).And.BeLessThan(30);
        measurement.Tags["datapulse.operation"].Should().Be("Analytics.GetKpiSummary");
        measurement.Tags["http.request.method"].Should().Be("GET");
        measurement.Tags["http.response.status_code"].Should().Be(200);
        measurement.Tags.Should().NotContainKey("error.type");
    }

    [Fact]
    public async Task Failure_RecordsDurationWithErrorType()
    {
        CannedResponses.Error(_api.Server, CannedResponses.KpisPath, 403, "permission_error", "forbidden");
        using var metrics = new MetricCapture();
        using var client = _api.CreateClient();

        var act = () => client.Analytics.GetKpiSummaryAsync();

        await act.Should().ThrowAsync<DataPulsePermissionDeniedException>();
        metrics.Of("datapulse.client.request.duration", _api.BaseAddress.Port).Should().ContainSingle()
            .Which.Tags["error.type"].Should().Be("403");
    }

    [Fact]
    public async Task ContainerClient_MeasuresThroughTheContainersMeterFactory()
    {
        CannedResponses.Kpis(_api.Server);
        await using var provider = Container();
        using var metrics = new MetricCapture(scope: provider.GetRequiredService<IMeterFactory>());

        await provider.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        metrics.Of("datapulse.client.request.duration").Should().ContainSingle();
    }

    [Fact]
    public async Task Retries_AreCountedWithTheStatusThatCausedThem()
    {
        CannedResponses.KpisFailThenSucceed(_api.Server, 503, failures: 2);
        await using var provider = Container();
        using var metrics = new MetricCapture(scope: provider.GetRequiredService<IMeterFactory>());

        await provider.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        metrics.Of("datapulse.client.retries").Should().HaveCount(2)
            .And.OnlyContain(m => Equals(m.Tags["http.response.status_code"], 503) && (string?)m.Tags["error.type"] == "503");
    }

    [Fact]
    public async Task Retries_WithoutAnAnswer_AreCountedWithTheExceptionTheCallThrows()
    {
        var closed = ScriptedServer.ClosedPort();
        using var metrics = new MetricCapture();
        using var client = new DataPulseClient(TestOptions.For(closed, o => o.MaxRetries = 1));

        await client.Invoking(c => c.Analytics.GetKpiSummaryAsync()).Should().ThrowAsync<DataPulseConnectionException>();

        var retry = metrics.Of("datapulse.client.retries", closed.Port).Should().ContainSingle().Subject;
        retry.Tags["error.type"].Should().Be(typeof(DataPulseConnectionException).FullName);
        retry.Tags.Should().NotContainKey("http.response.status_code");
    }

    [Fact]
    public async Task RateLimitedAnswers_AreCountedWithTheServerAndMethod()
    {
        CannedResponses.KpisFailThenSucceed(_api.Server, 429, failures: 1);
        using var metrics = new MetricCapture();
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        var counted = metrics.Of("datapulse.client.rate_limited", _api.BaseAddress.Port).Should().ContainSingle().Subject;
        counted.Tags["http.request.method"].Should().Be("GET");
        counted.Tags["datapulse.operation"].Should().Be("Analytics.GetKpiSummary");
    }

    [Fact]
    public async Task RateLimitedAnswers_AreEachCounted()
    {
        CannedResponses.KpisFailThenSucceed(_api.Server, 429, failures: 2);
        await using var provider = Container();
        using var metrics = new MetricCapture(scope: provider.GetRequiredService<IMeterFactory>());

        await provider.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        metrics.Of("datapulse.client.rate_limited").Sum(m => m.Value).Should().Be(2);
    }

    [Fact]
    public async Task FinalRateLimitedAnswer_IsCounted()
    {
        CannedResponses.Error(_api.Server, CannedResponses.KpisPath, 429, "rate_limit_error", "rate_limit_exceeded");
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddDataPulse(options => (options.ApiKey, options.BaseAddress, options.MaxRetries) = (ApiServer.ApiKey, _api.BaseAddress, 0));
        await using var provider = services.BuildServiceProvider();
        using var metrics = new MetricCapture(scope: provider.GetRequiredService<IMeterFactory>());

        var act = () => provider.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        await act.Should().ThrowAsync<DataPulseRateLimitException>();
        metrics.Of("datapulse.client.rate_limited").Should().ContainSingle();
    }
}
