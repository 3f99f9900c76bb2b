using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>Canned DataPulse answers for WireMock, after the wire contract, and scenarios whose answer changes per attempt.</summary>
public static class CannedResponses
{
    public const string KpisPath = "/v1/analytics/kpis";
    public const string QueryPath = "/v1/analytics/query";
    public const string CustomerPath = "/v1/customers/cust_1";
    public const string TraceId = "trc_7f3a9c2e";

    // The contract's own examples, from the one place they are kept.
    public const string KpisJson = ContractExamples.KpiSummary;

    public const string QueryJson = """
        { "data": { "columns": [ { "name": "region", "type": "string" } ], "rows": [ ["EMEA"] ] },
          "meta": { "query_id": "qry_5c1e9a", "row_count": 1, "truncated": false, "execution_time_ms": 42, "generated_at": "2025-01-15T08:30:00Z" } }
        """;

    public const string EmptyQueryJson =
        """{ "data": { "columns": [], "rows": [] }, "meta": { "query_id": "q_1", "row_count": 0, "truncated": false, "execution_time_ms": 1, "generated_at": "2025-01-15T08:30:00Z" } }""";

    public const string CustomerJson =
        """{ "customer_id": "cust_1", "segments": [], "lifetime_value": 1.5, "last_interaction": "2025-01-14T16:22:00Z", "churn_probability": 0.1 }""";

    public static void Kpis(WireMockServer server, string traceId = TraceId) =>
        server.Given(Request.Create().WithPath(KpisPath).UsingGet())
            .RespondWith(Json(200, KpisJson, traceId));

    public static void Query(WireMockServer server, string body = QueryJson) =>
        server.Given(Request.Create().WithPath(QueryPath).UsingPost())
            .RespondWith(Json(200, body, TraceId));

    public static void Error(WireMockServer server, string path, int status, string type, string code, string message = "Something went wrong.", bool post = false)
    {
        var request = Request.Create().WithPath(path);
        request = post ? request.UsingPost() : request.UsingGet();
        server.Given(request).RespondWith(Json(status, ErrorJson(type, code, message), TraceId).WithHeader("Retry-After", "0"));
    }

    /// <summary>An error answer with the rate-limit headers of an exhausted window, and <c>Retry-After</c> when given.</summary>
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

    public static string ErrorJson(string type, string code, string message) => ContractExamples.Error(type, code, message, traceId: TraceId);

    public static IResponseBuilder Json(int status, string body, string traceId) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("X-Trace-Id", traceId)
            .WithBody(body);

    public static IResponseBuilder Customer() =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(CustomerJson);

    public static IResponseBuilder Query() =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(EmptyQueryJson);

    public static void CustomerAlways(ApiServer api, IResponseBuilder response) =>
        api.Server.Given(Request.Create().WithPath(CustomerPath).UsingGet()).RespondWith(response);

    public static void QueryAlways(ApiServer api, IResponseBuilder response) =>
        api.Server.Given(Request.Create().WithPath(QueryPath).UsingPost()).RespondWith(response);

    /// <summary>GET the customer: <paramref name="failure"/> for the first <paramref name="failures"/> calls, then 200.</summary>
    public static void CustomerFailsThenSucceeds(ApiServer api, IResponseBuilder failure, int failures) =>
        FailThenSucceed(api.Server, CustomerPath, failure, Customer(), failures);

    /// <summary>GET /v1/analytics/kpis answers <paramref name="status"/> <paramref name="failures"/> times, then 200.</summary>
    public static void KpisFailThenSucceed(WireMockServer server, int status, int failures = 1)
    {
        var (type, code) = status == 429 ? ("rate_limit_error", "rate_limit_exceeded") : ("api_error", "unavailable");
        FailThenSucceed(
            server,
            KpisPath,
            Json(status, ErrorJson(type, code, "Try again."), TraceId).WithHeader("Retry-After", "0"),
            Json(200, KpisJson, TraceId),
            failures);
    }

    private static void FailThenSucceed(WireMockServer server, string path, IResponseBuilder failure, IResponseBuilder success, int failures)
    {
        // A scenario of its own, so a server shared between tests never carries one test's state into another.
        var scenario = Guid.NewGuid().ToString("N");
        server.Given(Request.Create().WithPath(path).UsingGet())
            .AtPriority(2)
            .InScenario(scenario)
            .WillSetStateTo("ok", failures)
            .RespondWith(failure);
        server.Given(Request.Create().WithPath(path).UsingGet())
            .AtPriority(1)
            .InScenario(scenario)
            .WhenStateIs("ok")
            .RespondWith(success);
    }
}
