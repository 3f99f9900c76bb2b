using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using DataPulse.Client.Analytics;
using DataPulse.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Analytics;

public sealed record RegionRevenue(string Region, decimal? SumRevenue, int OrderCount, bool? IsActive);

/// <summary>A caller's own row type for a GROUP BY region query: columns <c>region</c>, <c>sum_revenue</c>, <c>orders</c>.</summary>
public sealed record RegionTotals(string Region, decimal SumRevenue, long Orders);

public sealed class RegionStats
{
    public string? Region { get; init; }

    public long? OrderCount { get; init; }
}

[JsonSerializable(typeof(RegionRevenue))]
[JsonSerializable(typeof(RegionStats))]
[JsonSerializable(typeof(RegionTotals))]
public sealed partial class TypedQueryJsonContext : JsonSerializerContext;

public sealed class TypedQueryTests : IClassFixture<ApiServer>
{
    private static readonly QueryRequest ByRegion = new()
    {
        Sql = "SELECT region, SUM(revenue), COUNT(*) AS orders FROM transactions GROUP BY region ORDER BY revenue DESC",
    };

    private const string Columns = """
        [ { "name": "region", "type": "string" }, { "name": "sum_revenue", "type": "number" },
          { "name": "ORDER_COUNT", "type": "integer" }, { "name": "is_active", "type": "boolean" }, { "name": "extra", "type": "string" } ]
        """;

    private static readonly QueryRequest Query = new() { Sql = "SELECT region, SUM(revenue) FROM transactions GROUP BY region" };

    private readonly ApiServer _api;

    public TypedQueryTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task QueryAsync_TypeInfo_MapsSnakeCaseAndCaseInsensitiveColumnsToProperties()
    {
        GivenRows("""["EMEA", 1203400.5, 12, true, "ignored"]""");
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionRevenue);

        result.Rows.Should().Equal(new RegionRevenue("EMEA", 1203400.5m, 12, true));
        result.Columns.Select(c => c.Name).Should().Equal("region", "sum_revenue", "ORDER_COUNT", "is_active", "extra");
        result.Meta.QueryId.Should().Be("qry_5c1e9a");
    }

    [Fact]
    public async Task QueryAsync_TypeInfo_NullCellsBecomeNullProperties()
    {
        GivenRows("""["APAC", null, 3, null, null]""");
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionRevenue);

        result.Rows.Should().Equal(new RegionRevenue("APAC", null, 3, null));
    }

    [Fact]
    public async Task QueryAsync_TypeMismatch_NamesColumnRowAndBothTypes()
    {
        GivenRows("""["EMEA", 1.5, 1, true, null]""", """["NA", "lots", 2, false, null]""");
        using var client = _api.CreateClient();

        var act = () => client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionRevenue);

        (await act.Should().ThrowAsync<InvalidCastException>()).Which.Message
            .Should().Contain("'sum_revenue'").And.Contain("row 1").And.Contain("a string").And.Contain("Decimal");
    }

    [Fact]
    public async Task QueryAsync_NullIntoNonNullableProperty_NamesColumnRowAndType()
    {
        GivenRows("""["EMEA", 1.5, null, true, null]""");
        using var client = _api.CreateClient();

        var act = () => client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionRevenue);

        (await act.Should().ThrowAsync<InvalidCastException>()).Which.Message
            .Should().Contain("'ORDER_COUNT'").And.Contain("row 0").And.Contain("null").And.Contain("Int32");
    }

    [Fact]
    public async Task QueryAsync_Mapper_MapsEveryRowOnceInOrder()
    {
        GivenRows("""["EMEA", 1.5, 1, true, null]""", """["NA", 2.5, 2, false, null]""");
        using var client = _api.CreateClient();
        var calls = 0;

        var result = await client.Analytics.QueryAsync(Query, row =>
        {
            calls++;
            return (Region: row.GetString("region"), Orders: row.GetInt64("order_count"));
        });

        result.Rows.Should().Equal(("EMEA", 1L), ("NA", 2L));
        calls.Should().Be(2);
    }

    [Fact]
    public async Task QueryAsync_TenThousandRows_MapsEveryRow()
    {
        GivenRows(Enumerable.Range(0, 10_000).Select(i => $"""["r{i}", {i}.25, {i}, {(i % 2 == 0 ? "true" : "null")}, null]""").ToArray());
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionRevenue);

        result.Rows.Should().HaveCount(10_000);
        result.Rows[9_999].Should().Be(new RegionRevenue("r9999", 9999.25m, 9999, null));
        result.Rows.Select(r => r.OrderCount).Should().Equal(Enumerable.Range(0, 10_000));
    }

    [Fact]
    public async Task QueryResultRows_EnumeratedAgain_AreNotMappedOrCopiedAgain()
    {
        GivenRows(Enumerable.Range(0, 10_000).Select(i => $"""["r{i}", {i}, {i}, true, null]""").ToArray());
        using var client = _api.CreateClient();
        var result = await client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionStats);
        var first = result.Rows[0];

        var before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            for (var i = 0; i < result.Rows.Count; i++)
            {
                sum += result.Rows[i].OrderCount ?? 0;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        sum.Should().Be(3L * 9_999 * 10_000 / 2);
        allocated.Should().BeLessThan(1_024, "rows are mapped once, when the result is built");
        result.Rows[0].Should().BeSameAs(first);
    }

    private void GivenRows(params string[] rows)
    {
        var body = new StringBuilder()
            .Append("""{ "data": { "columns": """).Append(Columns).Append(""", "rows": [""")
            .AppendJoin(",", rows)
            .Append(CultureInfo.InvariantCulture, $$"""] }, "meta": { "query_id": "qry_5c1e9a", "row_count": {{rows.Length}}, "truncated": false, "execution_time_ms": 42, "generated_at": "2025-01-15T08:30:00Z" } }""");
        _api.Server.Given(Request.Create().WithPath("/v1/analytics/query").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToString()));
    }

    [Fact]
    public async Task QueryAsync_TypeInfo_MapsGroupByRowsIntoTheCallersType()
    {
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

        var typed = await client.Analytics.QueryAsync(ByRegion, TypedQueryJsonContext.Default.RegionTotals);

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
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

        var typed = await client.Analytics.QueryAsync(ByRegion, row => new RegionTotals(
            row.GetString("region")!, row.GetDecimal("sum_revenue")!.Value, row.GetInt64("orders")!.Value));

        typed.Rows[0].Should().Be(new RegionTotals("LATAM", 78227.50m, 6));
        typed.Rows.Should().Equal(await UntypedAsync(client));
    }

    private static async Task<IReadOnlyList<RegionTotals>> UntypedAsync(DataPulseClient client)
    {
        var result = await client.Analytics.QueryAsync(ByRegion);
        return result.Rows
            .Select(r => new RegionTotals(r.GetString(0)!, r.GetDecimal(1)!.Value, r.GetInt64(2)!.Value))
            .ToList();
    }
}
