using System.Net;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Scenarios;

public sealed class ScenarioMiddlewareTests : SandboxTests
{
    [Fact]
    public async Task RateLimitNextCalls_WithoutRetries_ThrowsWithRetryAfter()
    {
        Sandbox.RateLimitNextCalls(1, TimeSpan.FromSeconds(7));
        using var client = Sandbox.CreateClient(o => o.MaxRetries = 0);

        var act = () => client.Analytics.GetKpiSummaryAsync();

        var error = (await act.Should().ThrowAsync<DataPulseRateLimitException>()).Which;
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        error.RateLimit.Remaining.Should().Be(0);
        (await client.Analytics.GetKpiSummaryAsync()).Revenue.Should().BePositive();
    }

    [Fact]
    public async Task RateLimitNextCalls_IsRetriedBySdk()
    {
        Sandbox.RateLimitNextCalls(2, TimeSpan.Zero);
        using var client = Sandbox.CreateClient();

        await client.Customers.GetAsync("cust_92f8a3b1");

        Sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(429, 429, 200);
    }

    [Fact]
    public async Task FailNextCalls_ThrowsServerErrorWithTraceId()
    {
        Sandbox.FailNextCalls(1, HttpStatusCode.ServiceUnavailable);
        using var client = Sandbox.CreateClient(o => o.MaxRetries = 0);

        var act = () => client.Customers.GetAsync("cust_92f8a3b1");

        var error = (await act.Should().ThrowAsync<DataPulseServerException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        error.TraceId.Should().Be(Sandbox.ReceivedRequests.Single().TraceId);
    }

    [Fact]
    public async Task FailNextCalls_WithRetries_RecoversAfterTheFailures()
    {
        Sandbox.FailNextCalls(2, HttpStatusCode.BadGateway);
        using var client = Sandbox.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        Sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(502, 502, 200);
    }

    [Fact]
    public async Task FailNextCalls_ComesBeforeTheKeyCheck()
    {
        Sandbox.FailNextCalls(1, HttpStatusCode.ServiceUnavailable);
        using var http = SandboxHttp.Client(Sandbox, apiKey: null);

        using var response = await http.GetAsync("v1/analytics/kpis");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
