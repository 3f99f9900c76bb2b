using System.Globalization;
using DataPulse.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>Answers that describe a rate-limit window on the test clock.</summary>
internal static class WindowStubs
{
    public const string CustomerPath = "/v1/customers/cust_1";
    public const string OtherKey = "dp_test_sk_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5";

    /// <summary>
    /// A test clock set to the real time: WireMock's answers carry a real <c>Date</c>, and the client moves a reset onto
    /// its own clock when that is far from it.
    /// </summary>
    public static TimerRecordingClock ClockAtRealTime()
    {
        var clock = new TimerRecordingClock();
        clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()));
        return clock;
    }

    /// <summary>200 with <c>X-RateLimit-*</c> saying <paramref name="remaining"/> left until <paramref name="resetsAt"/>.</summary>
    public static IResponseBuilder Customer(long remaining, DateTimeOffset resetsAt, long limit = 100) =>
        Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Reset", resetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .WithBody(CannedResponses.CustomerJson);

    /// <summary>An error answer without rate-limit headers, so only its status and <c>Retry-After</c> count.</summary>
    public static IResponseBuilder Error(int status, string? retryAfter = null)
    {
        var response = Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{ "error": { "type": "api_error", "code": "x", "message": "Failed.", "param": null, "trace_id": "trc_1" } }""");
        return retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter);
    }

    public static void Always(ApiServer api, IResponseBuilder response, string path = CustomerPath) =>
        api.Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(response);
}
