using DataPulse.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>WireMock answers the resilience tests share.</summary>
internal static class Stubs
{
    public const string CustomerPath = "/v1/customers/cust_1";
    public const string QueryPath = "/v1/analytics/query";

    public const string CustomerJson =
        """{ "customer_id": "cust_1", "segments": [], "lifetime_value": 1.5, "last_interaction": "2025-01-14T16:22:00Z", "churn_probability": 0.1 }""";

    public const string QueryJson =
        """{ "data": { "columns": [], "rows": [] }, "meta": { "query_id": "q_1", "row_count": 0, "truncated": false, "execution_time_ms": 1, "generated_at": "2025-01-15T08:30:00Z" } }""";

    public static IResponseBuilder Error(int status, string? retryAfter = null)
    {
        var response = Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("X-RateLimit-Limit", "100")
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("X-RateLimit-Reset", "1736929807")
            .WithBody("""{ "error": { "type": "api_error", "code": "x", "message": "Failed.", "param": null, "trace_id": "trc_1" } }""");
        return retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter);
    }

    public static IResponseBuilder Customer() =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(CustomerJson);

    public static IResponseBuilder Query() =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(QueryJson);

    /// <summary>GET the customer: <paramref name="failure"/> for the first <paramref name="failures"/> calls, then 200.</summary>
    public static void CustomerFailsThenSucceeds(ApiServer api, IResponseBuilder failure, int failures)
    {
        var scenario = Guid.NewGuid().ToString("N");
        api.Server.Given(Request.Create().WithPath(CustomerPath).UsingGet())
            .AtPriority(2)
            .InScenario(scenario)
            .WillSetStateTo("ok", failures)
            .RespondWith(failure);
        api.Server.Given(Request.Create().WithPath(CustomerPath).UsingGet())
            .AtPriority(1)
            .InScenario(scenario)
            .WhenStateIs("ok")
            .RespondWith(Customer());
    }

    public static void CustomerAlways(ApiServer api, IResponseBuilder response) =>
        api.Server.Given(Request.Create().WithPath(CustomerPath).UsingGet()).RespondWith(response);

    public static void QueryAlways(ApiServer api, IResponseBuilder response) =>
        api.Server.Given(Request.Create().WithPath(QueryPath).UsingPost()).RespondWith(response);
}
