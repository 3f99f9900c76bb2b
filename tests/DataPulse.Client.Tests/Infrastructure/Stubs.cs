using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>Canned DataPulse answers for WireMock, after the wire contract.</summary>
public static class Stubs
{
    public const string KpisPath = "/v1/analytics/kpis";
    public const string QueryPath = "/v1/analytics/query";
    public const string TraceId = "trc_7f3a9c2e";

    public const string KpisJson = """
        { "data": { "revenue": 2845000, "active_users": 18420, "conversion_rate": 0.042,
                    "churn_risk": "low", "trend": "upward", "period": "30d" },
          "meta": { "generated_at": "2025-01-15T08:30:00Z", "cache_hit": true } }
        """;

    public const string QueryJson = """
        { "data": { "columns": [ { "name": "region", "type": "string" } ], "rows": [ ["EMEA"] ] },
          "meta": { "query_id": "qry_5c1e9a", "row_count": 1, "truncated": false, "execution_time_ms": 42, "generated_at": "2025-01-15T08:30:00Z" } }
        """;

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

    public static string ErrorJson(string type, string code, string message) =>
        $$"""{ "error": { "type": "{{type}}", "code": "{{code}}", "message": "{{message}}", "param": null, "trace_id": "{{TraceId}}" } }""";

    public static IResponseBuilder Json(int status, string body, string traceId) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("X-Trace-Id", traceId)
            .WithBody(body);

    /// <summary>A loopback address nothing listens on: connecting is refused at once.</summary>
    public static Uri ClosedLoopbackAddress() => RawHttpServer.ClosedPort();
}
