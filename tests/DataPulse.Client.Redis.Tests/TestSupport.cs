using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace DataPulse.Client.Redis.Tests;

internal static class TestSupport
{
    public const string ApiKey = "dp_test_sk_R3d1sR3d1sR3d1sR3d1sR3d1sR3d1s";
    public const string CustomerPath = "/v1/customers/cust_1";

    public const string CustomerJson =
        """{ "customer_id": "cust_1", "segments": [], "lifetime_value": 1.5, "last_interaction": "2025-01-14T16:22:00Z", "churn_probability": 0.1 }""";

    /// <summary>A fake clock at the real time (WireMock's answers carry a real <c>Date</c>).</summary>
    public static FakeTimeProvider ClockAtRealTime() => new(DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()));

    /// <summary>Every call answers 200 with the window spent until <paramref name="resetsAt"/>.</summary>
    public static void WindowSpentUntil(WireMockServer server, DateTimeOffset resetsAt) =>
        server.Given(Request.Create().WithPath(CustomerPath).UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("X-RateLimit-Limit", "100")
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("X-RateLimit-Reset", resetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .WithBody(CustomerJson));

    /// <summary>Every call answers 429 with <c>Retry-After</c> <paramref name="seconds"/>.</summary>
    public static void AlwaysTooManyRequests(WireMockServer server, int seconds) =>
        server.Given(Request.Create().WithPath(CustomerPath).UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(429)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))
            .WithBody("""{ "error": { "type": "rate_limit_error", "code": "rate_limit_exceeded", "message": "Slow down.", "param": null, "trace_id": "trc_1" } }"""));

    public static string UniquePrefix() => $"datapulse:test:{Guid.NewGuid():N}:";
}
