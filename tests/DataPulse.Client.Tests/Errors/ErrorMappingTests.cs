using System.Net;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Errors;

public sealed class ErrorMappingTests : IClassFixture<ApiServer>
{
    private const string Path = "/v1/customers/cust_1";
    private readonly ApiServer _api;

    public ErrorMappingTests(ApiServer api) => _api = api.Reset();

    private async Task<DataPulseApiException> GetCustomerFailsAsync()
    {
        using var client = _api.CreateClient(o => o.MaxRetries = 0);
        var act = () => client.Customers.GetAsync("cust_1");
        return (await act.Should().ThrowAsync<DataPulseApiException>()).Which;
    }

    public static TheoryData<int, string, string, Type> Statuses => new()
    {
        { 400, "invalid_request_error", "invalid_query", typeof(DataPulseBadRequestException) },
        { 401, "authentication_error", "invalid_api_key", typeof(DataPulseAuthenticationException) },
        { 403, "permission_error", "missing_permission", typeof(DataPulsePermissionDeniedException) },
        { 404, "not_found_error", "customer_not_found", typeof(DataPulseNotFoundException) },
        { 429, "rate_limit_error", "rate_limit_exceeded", typeof(DataPulseRateLimitException) },
        { 500, "api_error", "internal_error", typeof(DataPulseServerException) },
        { 502, "api_error", "bad_gateway", typeof(DataPulseServerException) },
        { 503, "api_error", "unavailable", typeof(DataPulseServerException) },
        { 504, "api_error", "gateway_timeout", typeof(DataPulseServerException) },
        { 418, "teapot_error", "teapot", typeof(DataPulseApiException) },
        { 409, "conflict_error", "conflict", typeof(DataPulseApiException) },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task ErrorStatus_ContractBody_ThrowsItsTypeWithEveryField(int status, string type, string code, Type expected)
    {
        _api.StubJson("GET", Path, ContractExamples.Error(type, code, "Something went wrong.", param: "limit", traceId: "trc_body_1"), status,
            ("X-Trace-Id", "trc_header_1"));

        var thrown = await GetCustomerFailsAsync();

        thrown.Should().BeOfType(expected);
        thrown.StatusCode.Should().Be((HttpStatusCode)status);
        thrown.ErrorType.Should().Be(type);
        thrown.ErrorCode.Should().Be(code);
        thrown.Param.Should().Be("limit");
        thrown.TraceId.Should().Be("trc_body_1", "the body's trace id wins over the header's");
        thrown.Operation.Should().Be("Customers.Get");
        thrown.Message.Should().Contain("Customers.Get").And.Contain(status.ToString()).And.Contain("Something went wrong");
        thrown.ResponseHeaders["X-Trace-Id"].Should().Equal("trc_header_1");
        thrown.ResponseHeaders["x-ratelimit-remaining"].Should().Equal(ApiServerExtensions.RateLimitRemaining.ToString());
        thrown.ResponseBody.Should().Contain("\"code\":\"" + code + "\"");
        _api.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task BadRequest_CarriesParam()
    {
        _api.StubJson("GET", Path, ContractExamples.Error("invalid_request_error", "invalid_query", "Unknown column 'x'.", param: "sql"), 400);

        var thrown = await GetCustomerFailsAsync();

        thrown.Should().BeOfType<DataPulseBadRequestException>().Which.Param.Should().Be("sql");
        thrown.Message.Should().Contain("sql");
    }

    [Fact]
    public async Task RateLimited_CarriesRetryAfterAndRateLimit()
    {
        _api.StubJson("GET", Path, ContractExamples.Error("rate_limit_error", "rate_limit_exceeded", "Too many requests. Retry after 7 seconds."), 429,
            ("Retry-After", "7"));

        var thrown = await GetCustomerFailsAsync();

        var rateLimited = thrown.Should().BeOfType<DataPulseRateLimitException>().Subject;
        rateLimited.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        rateLimited.RateLimit.Limit.Should().Be(ApiServerExtensions.RateLimitLimit);
        rateLimited.RateLimit.Remaining.Should().Be(ApiServerExtensions.RateLimitRemaining);
        rateLimited.TraceId.Should().Be("trc_7f3a9c2e");
    }

    [Fact]
    public async Task RateLimited_WithoutRetryAfter_HasNoRetryAfter()
    {
        _api.StubJson("GET", Path, ContractExamples.Error("rate_limit_error", "rate_limit_exceeded", "Slow down."), 429);

        var thrown = await GetCustomerFailsAsync();

        thrown.Should().BeOfType<DataPulseRateLimitException>().Which.RetryAfter.Should().BeNull();
    }

    [Fact]
    public async Task ErrorBodyWithoutTraceId_TakesTraceIdFromHeader()
    {
        _api.StubJson("GET", Path, ContractExamples.Error("not_found_error", "customer_not_found", "No such customer.", traceId: null), 404,
            ("X-Trace-Id", "trc_from_header"));

        var thrown = await GetCustomerFailsAsync();

        thrown.TraceId.Should().Be("trc_from_header");
    }

    public static TheoryData<int, string?, string?, Type> ProxyBodies => new()
    {
        { 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", typeof(DataPulseServerException) },
        { 503, "Service Unavailable", "text/plain", typeof(DataPulseServerException) },
        { 401, null, null, typeof(DataPulseAuthenticationException) },
        { 404, """{ "error": { "type": "not_found_error", "code": "customer_not""", "application/json", typeof(DataPulseNotFoundException) },
        { 403, "<html>Forbidden by proxy</html>", "text/html", typeof(DataPulsePermissionDeniedException) },
        { 400, "{ not json at all", "application/json", typeof(DataPulseBadRequestException) },
        { 429, "[1, 2, 3]", "application/json", typeof(DataPulseRateLimitException) },
    };

    [Theory]
    [MemberData(nameof(ProxyBodies))]
    public async Task ErrorStatus_NonContractBody_StillThrowsItsTypeKeepingTheBody(int status, string? body, string? contentType, Type expected)
    {
        _api.StubRaw("GET", Path, status, body, contentType, ("X-Trace-Id", "trc_proxy"));

        var thrown = await GetCustomerFailsAsync();

        thrown.Should().BeOfType(expected);
        thrown.StatusCode.Should().Be((HttpStatusCode)status);
        thrown.ErrorType.Should().BeNull();
        thrown.ErrorCode.Should().BeNull();
        thrown.TraceId.Should().Be("trc_proxy");
        thrown.ResponseBody.Should().Be(body);
        thrown.Message.Should().Contain("Customers.Get").And.Contain(status.ToString());
    }

    [Fact]
    public async Task ErrorBodyOver8KiB_IsCappedAt8KiB()
    {
        var huge = "<html>" + new string('x', 50_000) + "</html>";
        _api.StubRaw("GET", Path, 502, huge, "text/html");

        var thrown = await GetCustomerFailsAsync();

        thrown.Should().BeOfType<DataPulseServerException>();
        thrown.ResponseBody.Should().HaveLength(DataPulseApiError.MaxResponseBodyBytes).And.Be(huge[..8192]);
        thrown.Error.ResponseBodyTruncated.Should().BeTrue();
    }

    [Fact]
    public async Task ErrorBodyOfExactly8KiB_IsKeptWhole()
    {
        var body = new string('y', DataPulseApiError.MaxResponseBodyBytes);
        _api.StubRaw("GET", Path, 500, body, "text/plain");

        var thrown = await GetCustomerFailsAsync();

        thrown.ResponseBody.Should().Be(body);
        thrown.Error.ResponseBodyTruncated.Should().BeFalse();
    }

    [Fact]
    public async Task ContractErrorBodyOver8KiB_StillThrowsItsType()
    {
        var message = new string('m', 20_000);
        _api.StubJson("GET", Path, ContractExamples.Error("not_found_error", "customer_not_found", message), 404);

        var thrown = await GetCustomerFailsAsync();

        thrown.Should().BeOfType<DataPulseNotFoundException>();
        thrown.ResponseBody!.Length.Should().BeLessThanOrEqualTo(DataPulseApiError.MaxResponseBodyBytes);
    }

    [Fact]
    public async Task PostErrors_AreMappedTheSameWay()
    {
        _api.StubJson("POST", "/v1/analytics/query",
            ContractExamples.Error("invalid_request_error", "invalid_query", "Only SELECT is allowed.", param: "sql", traceId: "trc_q"), 400);
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        var act = () => client.Analytics.QueryAsync("DROP TABLE x");

        var thrown = (await act.Should().ThrowExactlyAsync<DataPulseBadRequestException>()).Which;
        thrown.ErrorCode.Should().Be("invalid_query");
        thrown.Param.Should().Be("sql");
        thrown.TraceId.Should().Be("trc_q");
        thrown.Operation.Should().Be("Analytics.Query");
    }

    [Fact]
    public async Task ConnectionRefused_ThrowsConnectionException()
    {
        using var client = new DataPulseClient(TestOptions.For(ScriptedServer.ClosedPort(), o => o.MaxRetries = 0));

        var act = () => client.Customers.GetAsync("cust_1");

        (await act.Should().ThrowAsync<DataPulseConnectionException>()).Which.Operation.Should().Be("Customers.Get");
    }

    [Fact]
    public async Task InternalServerError_WithoutRetryAfter_HasNoRetryAfter()
    {
        _api.StubJson("GET", "/v1/customers/cust_1", """{ "error": { "type": "api_error" } }""", 500);
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseServerException>())
            .Which.RetryAfter.Should().BeNull();
    }
}
