using WireMock.RequestBuilders;
using WireMock.Server;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>WireMock scenarios where the answer changes from one attempt to the next.</summary>
public static class Scenarios
{
    /// <summary>GET /v1/analytics/kpis answers <paramref name="status"/> <paramref name="failures"/> times, then 200.</summary>
    public static void KpisFailThenSucceed(WireMockServer server, int status, int failures = 1)
    {
        var (type, code) = status == 429 ? ("rate_limit_error", "rate_limit_exceeded") : ("api_error", "unavailable");
        server.Given(Request.Create().WithPath(Stubs.KpisPath).UsingGet())
            .InScenario("kpis")
            .WillSetStateTo("ok", failures)
            .RespondWith(Stubs.Json(status, Stubs.ErrorJson(type, code, "Try again."), Stubs.TraceId).WithHeader("Retry-After", "0"));
        server.Given(Request.Create().WithPath(Stubs.KpisPath).UsingGet())
            .InScenario("kpis")
            .WhenStateIs("ok")
            .RespondWith(Stubs.Json(200, Stubs.KpisJson, Stubs.TraceId));
    }
}
