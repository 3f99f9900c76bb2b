using DataPulse.Client.Analytics;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Analytics;

public sealed class QueryTests : IClassFixture<ApiServer>
{
    private const string Path = "/v1/analytics/query";
    private readonly ApiServer _api;

    public QueryTests(ApiServer api)
    {
        _api = api.Reset();
        _api.StubJson("POST", Path, ContractExamples.QueryResult);
    }


    [Fact]
    public async Task QueryAsync_SqlAndLimit_PostsSnakeCaseBody()
    {
        using var client = _api.CreateClient();

        await client.Analytics.QueryAsync(ContractExamples.QuerySql, 50);

        SentRequest.Of(_api.SingleRequest())
            .HasMethod("POST")
            .HasPath(Path)
            .HasNoQuery()
            .HasBearer(ApiServer.ApiKey)
            .HasUserAgent()
            .AcceptsJson()
            .HasJsonBody($$"""{ "sql": "{{ContractExamples.QuerySql}}", "limit": 50 }""");
    }

    [Fact]
    public async Task QueryAsync_NoLimit_OmitsLimitFromBody()
    {
        using var client = _api.CreateClient();

        await client.Analytics.QueryAsync("SELECT 1");

        SentRequest.Of(_api.SingleRequest()).HasJsonBody("""{ "sql": "SELECT 1" }""");
        _api.SingleRequest().RequestMessage.Body.Should().NotContain("null");
    }

    [Fact]
    public async Task QueryAsync_EachCall_SendsAFreshGuidIdempotencyKey()
    {
        using var client = _api.CreateClient();

        await client.Analytics.QueryAsync("SELECT 1");
        await client.Analytics.QueryAsync("SELECT 1");

        var keys = _api.Requests.Select(r => SentRequest.Of(r).IdempotencyKey()).ToList();
        keys.Should().HaveCount(2).And.OnlyHaveUniqueItems();
        keys.Should().AllSatisfy(k => Guid.TryParse(k, out _).Should().BeTrue("'{0}' should be a GUID", k));
    }

    [Fact]
    public async Task QueryAsync_CallerIdempotencyKey_IsSentAsGiven()
    {
        using var client = _api.CreateClient();

        await client.Analytics.QueryAsync(new QueryRequest { Sql = "SELECT 1", IdempotencyKey = "0f8e2c4a-7b1d-4e3f-9a6c-5d2b1e0f9a8c" });

        SentRequest.Of(_api.SingleRequest()).IdempotencyKey().Should().Be("0f8e2c4a-7b1d-4e3f-9a6c-5d2b1e0f9a8c");
    }

    [Fact]
    public async Task QueryAsync_ContractExample_MapsColumnsRowsAndMeta()
    {
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync(ContractExamples.QuerySql, 50);

        result.Columns.Should().Equal(
            new QueryColumn { Name = "region", Type = QueryColumnType.String },
            new QueryColumn { Name = "sum_revenue", Type = QueryColumnType.Number });
        result.Rows.Should().HaveCount(3);
        result.Rows[0].GetString("region").Should().Be("EMEA");
        result.Rows[0].GetDecimal("sum_revenue").Should().Be(1203400.5m);
        result.Rows[1].GetString(0).Should().Be("NA");
        result.Rows[1].GetDecimal(1).Should().Be(998000m);
        result.Rows[2].GetString("region").Should().Be("APAC");
        result.Rows[2].GetDecimal("sum_revenue").Should().BeNull();
        result.Rows[2].IsNull("sum_revenue").Should().BeTrue();
        result.Meta.QueryId.Should().Be("qry_5c1e9a");
        result.Meta.RowCount.Should().Be(3);
        result.Meta.Truncated.Should().BeFalse();
        result.Meta.ExecutionTimeMs.Should().Be(42);
        result.Meta.GeneratedAt.Should().Be(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task QueryAsync_ExposesTraceIdAndRateLimit()
    {
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync("SELECT 1");

        result.Response.TraceId.Should().Be(ApiServerExtensions.TraceId);
        result.Response.RateLimit.Should().Be(new RateLimitInfo
        {
            Limit = ApiServerExtensions.RateLimitLimit,
            Remaining = ApiServerExtensions.RateLimitRemaining,
            ResetsAt = DateTimeOffset.FromUnixTimeSeconds(ApiServerExtensions.RateLimitReset),
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task QueryAsync_EmptySql_ThrowsAndSendsNothing(string sql)
    {
        using var client = _api.CreateClient();

        var act = () => client.Analytics.QueryAsync(sql);

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*Sql*");
        _api.ShouldHaveReceivedNothing();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10001)]
    public async Task QueryAsync_LimitOutOfRange_ThrowsAndSendsNothing(int limit)
    {
        using var client = _api.CreateClient();

        var act = () => client.Analytics.QueryAsync("SELECT 1", limit);

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage($"*Limit*{limit}*");
        _api.ShouldHaveReceivedNothing();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10000)]
    public async Task QueryAsync_LimitAtTheBounds_IsSent(int limit)
    {
        using var client = _api.CreateClient();

        await client.Analytics.QueryAsync("SELECT 1", limit);

        SentRequest.Of(_api.SingleRequest()).HasJsonBody($$"""{ "sql": "SELECT 1", "limit": {{limit}} }""");
    }

    [Theory]
    [InlineData("DELETE FROM transactions")]
    [InlineData("SELECT region FROM customers")]
    [InlineData("SELECT region, SUM(revenue) FROM transactions")]
    public async Task QueryAsync_QueryTheServerRejects_ThrowsBadRequestWithInvalidQueryOnSql(string sql)
    {
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

        var act = () => client.Analytics.QueryAsync(sql);

        var thrown = (await act.Should().ThrowAsync<DataPulseBadRequestException>()).Which;
        thrown.ErrorCode.Should().Be("invalid_query");
        thrown.Param.Should().Be("sql");
        thrown.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        thrown.TraceId.Should().Be(session.Sandbox.ReceivedRequests.Single().TraceId);
        session.Calls().Should().Equal("POST /v1/analytics/query 400");
    }
}
