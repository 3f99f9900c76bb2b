using DataPulse.Client.Analytics;

namespace DataPulse.Client.Tests.EndToEnd;

public sealed class QueryTests : SandboxTest
{
    private static readonly QueryRequest ByRegion = new()
    {
        Sql = "SELECT region, SUM(revenue), COUNT(*) AS orders FROM transactions GROUP BY region ORDER BY revenue DESC",
    };

    [Fact]
    public async Task QueryAsync_TypeInfo_MapsGroupByRowsIntoTheCallersType()
    {
        using var client = CreateClient();

        var typed = await client.Analytics.QueryAsync(ByRegion, EndToEndJsonContext.Default.RegionTotals);

        typed.Columns.Select(c => c.Name).Should().Equal("region", "sum_revenue", "orders");
        typed.Rows.Select(r => r.Region).Should().Equal("LATAM", "NA", "APAC", "EMEA");
        typed.Rows[0].Should().Be(new RegionTotals("LATAM", 78227.50m, 6));
        typed.Rows.Sum(r => r.Orders).Should().Be(24, "the sandbox's transactions table has 24 orders");
        typed.Rows.Should().BeInDescendingOrder(r => r.SumRevenue);
        typed.Meta.RowCount.Should().Be(4);
        typed.Rows.Should().Equal(await UntypedAsync(client), "typed rows must carry exactly what the untyped rows hold");
    }

    [Fact]
    public async Task QueryAsync_Mapper_MapsGroupByRowsIntoTheCallersType()
    {
        using var client = CreateClient();

        var typed = await client.Analytics.QueryAsync(ByRegion, row => new RegionTotals(
            row.GetString("region")!, row.GetDecimal("sum_revenue")!.Value, row.GetInt64("orders")!.Value));

        typed.Rows[0].Should().Be(new RegionTotals("LATAM", 78227.50m, 6));
        typed.Rows.Should().Equal(await UntypedAsync(client));
    }

    [Theory]
    [InlineData("DELETE FROM transactions")]
    [InlineData("SELECT region FROM customers")]
    [InlineData("SELECT region, SUM(revenue) FROM transactions")]
    public async Task QueryAsync_QueryTheServerRejects_ThrowsBadRequestWithInvalidQueryOnSql(string sql)
    {
        using var client = CreateClient();

        var act = () => client.Analytics.QueryAsync(sql);

        var thrown = (await act.Should().ThrowAsync<DataPulseBadRequestException>()).Which;
        thrown.ErrorCode.Should().Be("invalid_query");
        thrown.Param.Should().Be("sql");
        thrown.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        thrown.TraceId.Should().Be(Sandbox.ReceivedRequests.Single().TraceId);
        Calls().Should().Equal("POST /v1/analytics/query 400");
    }

    private static async Task<IReadOnlyList<RegionTotals>> UntypedAsync(DataPulseClient client)
    {
        var result = await client.Analytics.QueryAsync(ByRegion);
        return result.Rows
            .Select(r => new RegionTotals(r.GetString(0)!, r.GetDecimal(1)!.Value, r.GetInt64(2)!.Value))
            .ToList();
    }
}
