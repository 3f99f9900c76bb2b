using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.RequestLog;

public sealed class RequestLogMiddlewareTests : SandboxTests
{
    [Fact]
    public async Task ReceivedRequests_RedactTheKey()
    {
        using var client = Sandbox.CreateClient();
        await client.Analytics.QueryAsync("SELECT COUNT(*) FROM transactions");

        var request = Sandbox.ReceivedRequests.Should().ContainSingle().Subject;

        request.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/analytics/query");
        request.Body.Should().Contain("\"sql\"");
        request.Headers["Authorization"].Should().Be("Bearer dp_test_sk_[REDACTED]0001");
        request.Headers.Values.Should().NotContain(v => v.Contains(Sandbox.ApiKey));
        (request.Body ?? string.Empty).Should().NotContain(Sandbox.ApiKey);
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheTraceIdItIsLoggedWith()
    {
        using var client = Sandbox.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync();

        kpis.Response.TraceId.Should().MatchRegex("^trc_sbx[0-9a-f]{6}$");
        Sandbox.ReceivedRequests.Single().TraceId.Should().Be(kpis.Response.TraceId);
    }

    [Fact]
    public async Task ReceivedRequests_HoldTheQueryDecodedAndTheStatusAnswered()
    {
        using var http = Http();

        using var response = await http.GetAsync("v1/reports/schedules?limit=2&cursor=c_1");

        var request = Sandbox.ReceivedRequests.Single();
        request.Query.Should().Equal(new Dictionary<string, string> { ["limit"] = "2", ["cursor"] = "c_1" });
        request.StatusCode.Should().Be((int)response.StatusCode);
        request.Body.Should().BeNull();
    }
}
