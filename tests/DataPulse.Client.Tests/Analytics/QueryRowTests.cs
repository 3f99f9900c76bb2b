using DataPulse.Client.Analytics;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Analytics;

/// <summary>Typed cell access on a query result that holds every column type the contract names.</summary>
public sealed class QueryRowTests : IClassFixture<ApiServer>
{
    private const string Body = """
        { "data": { "columns": [ { "name": "region", "type": "string" },
                                 { "name": "revenue", "type": "number" },
                                 { "name": "orders", "type": "integer" },
                                 { "name": "active", "type": "boolean" },
                                 { "name": "seen_at", "type": "timestamp" },
                                 { "name": "day", "type": "date" },
                                 { "name": "location", "type": "geo" } ],
                    "rows": [ ["EMEA", 1203400.57, 9007199254740993, true, "2025-01-14T16:22:00Z", "2025-01-14", "POINT(1 2)"],
                              [null, null, null, null, null, null, null] ] },
          "meta": { "query_id": "qry_1", "row_count": 2, "truncated": true, "execution_time_ms": 7, "generated_at": "2025-01-15T08:30:00Z" } }
        """;

    private readonly ApiServer _api;

    public QueryRowTests(ApiServer api)
    {
        _api = api.Reset();
        _api.StubJson("POST", "/v1/analytics/query", Body);
    }


    private async Task<QueryResult> QueryAsync()
    {
        using var client = _api.CreateClient();
        return await client.Analytics.QueryAsync("SELECT *");
    }

    [Fact]
    public async Task Columns_MapEveryTypeAndKeepAnUnknownOne()
    {
        var result = await QueryAsync();

        result.Columns.Select(c => c.Type).Should().Equal(
            QueryColumnType.String, QueryColumnType.Number, QueryColumnType.Integer, QueryColumnType.Boolean,
            QueryColumnType.Timestamp, QueryColumnType.Date, new QueryColumnType("geo"));
        result.Columns[6].Type.Value.Should().Be("geo");
        result.Meta.Truncated.Should().BeTrue();
    }

    [Fact]
    public async Task Getters_ByName_ReadEachType()
    {
        var row = (await QueryAsync()).Rows[0];

        row.GetString("region").Should().Be("EMEA");
        row.GetDecimal("revenue").Should().Be(1203400.57m);
        row.GetDouble("revenue").Should().Be(1203400.57);
        row.GetInt64("orders").Should().Be(9007199254740993L);
        row.GetBoolean("active").Should().BeTrue();
        row.GetDateTimeOffset("seen_at").Should().Be(new DateTimeOffset(2025, 1, 14, 16, 22, 0, TimeSpan.Zero));
        row.GetDate("day").Should().Be(new DateOnly(2025, 1, 14));
        row.GetString("location").Should().Be("POINT(1 2)");
    }

    [Fact]
    public async Task Getters_ByIndex_ReadEachType()
    {
        var row = (await QueryAsync()).Rows[0];

        row.GetString(0).Should().Be("EMEA");
        row.GetDecimal(1).Should().Be(1203400.57m);
        row.GetDouble(1).Should().Be(1203400.57);
        row.GetInt64(2).Should().Be(9007199254740993L);
        row.GetBoolean(3).Should().BeTrue();
        row.GetDateTimeOffset(4).Should().Be(new DateTimeOffset(2025, 1, 14, 16, 22, 0, TimeSpan.Zero));
        row.GetDate(5).Should().Be(new DateOnly(2025, 1, 14));
    }

    [Fact]
    public async Task Getters_NullCells_ReturnNull()
    {
        var row = (await QueryAsync()).Rows[1];

        row.GetString("region").Should().BeNull();
        row.GetDecimal("revenue").Should().BeNull();
        row.GetDouble(1).Should().BeNull();
        row.GetInt64("orders").Should().BeNull();
        row.GetBoolean("active").Should().BeNull();
        row.GetDateTimeOffset("seen_at").Should().BeNull();
        row.GetDate("day").Should().BeNull();
        Enumerable.Range(0, 7).Should().AllSatisfy(i => row.IsNull(i).Should().BeTrue());
    }

    [Fact]
    public async Task Getters_ColumnNameInOtherCase_FindTheColumn()
    {
        var row = (await QueryAsync()).Rows[0];

        row.GetString("REGION").Should().Be("EMEA");
    }

    [Theory]
    [InlineData("decimal")]
    [InlineData("double")]
    [InlineData("long")]
    [InlineData("bool")]
    [InlineData("DateTimeOffset")]
    [InlineData("DateOnly")]
    public async Task Getters_TypeMismatch_ThrowInvalidCastNamingColumnAndRow(string target)
    {
        var row = (await QueryAsync()).Rows[0];
        Action act = target switch
        {
            "decimal" => () => row.GetDecimal("region"),
            "double" => () => row.GetDouble("region"),
            "long" => () => row.GetInt64("region"),
            "bool" => () => row.GetBoolean("region"),
            "DateTimeOffset" => () => row.GetDateTimeOffset("region"),
            _ => () => row.GetDate("region"),
        };

        act.Should().Throw<InvalidCastException>().WithMessage($"*'region'*row 0*{target}*");
    }

    [Fact]
    public async Task GetString_OnANumber_ThrowsInvalidCastNamingColumnAndRow()
    {
        var row = (await QueryAsync()).Rows[0];

        var act = () => row.GetString(1);

        act.Should().Throw<InvalidCastException>().WithMessage("*'revenue'*row 0*");
    }

    [Fact]
    public async Task GetInt64_OnAFraction_ThrowsInvalidCast()
    {
        var row = (await QueryAsync()).Rows[0];

        var act = () => row.GetInt64("revenue");

        act.Should().Throw<InvalidCastException>().WithMessage("*'revenue'*row 0*");
    }

    [Fact]
    public async Task GetDate_OnATimestamp_ThrowsInvalidCast()
    {
        var row = (await QueryAsync()).Rows[0];

        var act = () => row.GetDate("seen_at");

        act.Should().Throw<InvalidCastException>().WithMessage("*'seen_at'*row 0*");
    }

    [Fact]
    public async Task Getters_UnknownColumnName_ThrowArgumentExceptionListingColumns()
    {
        var result = await QueryAsync();

        var act = () => result.Rows[0].GetString("country");

        act.Should().Throw<ArgumentException>()
            .WithMessage("*'country'*region, revenue, orders, active, seen_at, day, location*");
        result.Invoking(r => r.GetColumnIndex("country")).Should().Throw<ArgumentException>().WithMessage("*region*");
    }

    [Fact]
    public async Task Getters_IndexOutOfRange_Throw()
    {
        var row = (await QueryAsync()).Rows[0];

        var act = () => row.GetString(7);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
