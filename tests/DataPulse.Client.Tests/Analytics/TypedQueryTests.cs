using System.Globalization;
using System.Text;
using System.Text.Json;
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

/// <summary>A row type with settable properties of the common types: filled straight from the cells.</summary>
public sealed class SettableRow
{
    public string? Region { get; set; }

    public decimal? SumRevenue { get; set; }

    public long Orders { get; set; }

    public int OrderCount { get; set; }

    public bool IsActive { get; set; }

    public double? Ratio { get; set; }

    public DateTimeOffset At { get; set; }

    public DateOnly? Day { get; set; }

    public string? NotAColumn { get; set; }
}

public sealed class CallbackRow : IJsonOnDeserializing, IJsonOnDeserialized
{
    public string? Region { get; set; }

    [JsonIgnore]
    public string Calls { get; private set; } = "";

    void IJsonOnDeserializing.OnDeserializing() => Calls += "before;";

    void IJsonOnDeserialized.OnDeserialized() => Calls += "after;";
}

public sealed class RequiredRow
{
    public required string Region { get; set; }

    public required string NotAColumn { get; set; }
}

public sealed class ConvertedRow
{
    [JsonConverter(typeof(UpperCaseConverter))]
    public string? Region { get; set; }

    public long Orders { get; set; }
}

public sealed class UpperCaseConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()?.ToUpperInvariant();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

[JsonSerializable(typeof(RegionRevenue))]
[JsonSerializable(typeof(RegionStats))]
[JsonSerializable(typeof(RegionTotals))]
[JsonSerializable(typeof(SettableRow))]
[JsonSerializable(typeof(CallbackRow))]
[JsonSerializable(typeof(RequiredRow))]
[JsonSerializable(typeof(ConvertedRow))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(int))]
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
    public async Task QueryAsync_TypeInfo_OneBadRowAmongThousands_IsTheRowNamed()
    {
        GivenRows(Enumerable.Range(0, 5_000).Select(i => i is 3_217 or 4_000
            ? $"""["r{i}", "lots", {i}, true, null]"""
            : $"""["r{i}", {i}.25, {i}, true, null]""").ToArray());
        using var client = _api.CreateClient();

        var act = () => client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionRevenue);

        (await act.Should().ThrowAsync<InvalidCastException>()).Which.Message
            .Should().Contain("'sum_revenue'").And.Contain("row 3217").And.Contain("a string").And.Contain("Decimal");
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

    private static readonly QueryColumn[] SettableColumns =
    [
        new() { Name = "region", Type = QueryColumnType.String }, new() { Name = "sum_revenue", Type = QueryColumnType.Number },
        new() { Name = "orders", Type = QueryColumnType.Integer }, new() { Name = "ORDER_COUNT", Type = QueryColumnType.Integer },
        new() { Name = "is_active", Type = QueryColumnType.Boolean }, new() { Name = "ratio", Type = QueryColumnType.Number },
        new() { Name = "at", Type = QueryColumnType.Timestamp }, new() { Name = "day", Type = QueryColumnType.Date },
        new() { Name = "extra", Type = new QueryColumnType("geo") },
    ];

    [Fact]
    public void Mapper_ChoosesTheDirectPathOnlyForContractsItCanFillExactly()
    {
        Filled(TypedQueryJsonContext.Default.SettableRow).Should().BeTrue();
        Filled(TypedQueryJsonContext.Default.CallbackRow).Should().BeTrue();
        Filled(TypedQueryJsonContext.Default.RegionRevenue).Should().BeFalse("a record is created through its constructor");
        Filled(TypedQueryJsonContext.Default.RegionStats).Should().BeFalse("init-only properties are constructor arguments to System.Text.Json");
        Filled(TypedQueryJsonContext.Default.RequiredRow).Should().BeFalse();
        Filled(TypedQueryJsonContext.Default.ConvertedRow).Should().BeFalse("a property converter reads its own JSON");
        Filled(TypedQueryJsonContext.Default.DictionaryStringJsonElement).Should().BeFalse();

        static bool Filled<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) => new QueryRowMapper<T>(SettableColumns, typeInfo).FillsDirectly;
    }

    [Theory]
    [InlineData("'EMEA', 1203400.5, 12, 7, true, 0.25, '2025-01-14T16:22:00Z', '2025-01-14', [1]")]
    [InlineData("null, null, 0, 0, false, null, '2025-01-14T16:22:00.1234567+02:00', null, null")]
    [InlineData("'caf\\u00e9 \\'q\\'', 1.5e3, -9223372036854775808, -2147483648, true, 1e400, '2025-01-14T16:22:00.5Z', '\\u0032025-01-14', {'a': 1}")]
    [InlineData("'NA', 79228162514264337593543950335, 9223372036854775807, 2147483647, false, 5e-324, '0001-01-01T00:00:00Z', '9999-12-31', 'x'")]
    [InlineData("'APAC', -0, -0, -0, false, -0, '2024-02-29T23:59:59Z', '2024-02-29', null")]
    public void As_SettableType_FillsWhatSystemTextJsonWouldRead(string cells)
    {
        cells = cells.Replace('\'', '"');
        var result = Result($"[[{cells}]]");
        var names = new[] { "Region", "SumRevenue", "Orders", "OrderCount", "IsActive", "Ratio", "At", "Day" };
        using var document = JsonDocument.Parse($"[{cells}]");
        var json = "{" + string.Join(",", names.Select((name, i) => $"\"{name}\": {document.RootElement[i].GetRawText()}")) + "}";
        var expected = JsonSerializer.Deserialize(json, TypedQueryJsonContext.Default.SettableRow);

        var mapped = result.As(TypedQueryJsonContext.Default.SettableRow).Rows.Should().ContainSingle().Subject;

        mapped.Should().BeEquivalentTo(expected);
        mapped.NotAColumn.Should().BeNull();
    }

    [Theory]
    [InlineData("'EMEA', 'lots', 1, 1, true, 1, '2025-01-14T16:22:00Z', '2025-01-14'", "'sum_revenue' (number) in row 0 holds a string; it cannot be read as Decimal? (property 'SumRevenue' of SettableRow).")]
    [InlineData("'EMEA', 1, 1.5, 1, true, 1, '2025-01-14T16:22:00Z', '2025-01-14'", "'orders' (integer) in row 0 holds a number; it cannot be read as Int64 (property 'Orders' of SettableRow).")]
    [InlineData("'EMEA', 1, 1, 2147483648, true, 1, '2025-01-14T16:22:00Z', '2025-01-14'", "'ORDER_COUNT' (integer) in row 0 holds a number; it cannot be read as Int32*")]
    [InlineData("'EMEA', 1, null, 1, true, 1, '2025-01-14T16:22:00Z', '2025-01-14'", "'orders' (integer) in row 0 holds null; it cannot be read as Int64*")]
    [InlineData("'EMEA', 1, 1, 1, 'yes', 1, '2025-01-14T16:22:00Z', '2025-01-14'", "'is_active' (boolean) in row 0 holds a string; it cannot be read as Boolean*")]
    [InlineData("42, 1, 1, 1, true, 1, '2025-01-14T16:22:00Z', '2025-01-14'", "'region' (string) in row 0 holds a number; it cannot be read as String*")]
    [InlineData("'EMEA', 1, 1, 1, true, 1, 'yesterday', '2025-01-14'", "'at' (timestamp) in row 0 holds a string; it cannot be read as DateTimeOffset*")]
    [InlineData("'EMEA', 1, 1, 1, true, 1, '2025-01-14T16:22:00Z', '2025-02-30'", "'day' (date) in row 0 holds a string; it cannot be read as DateOnly?*")]
    [InlineData("'EMEA', 1, 1, 1, true, 1, '2025-01-14T16:22:00Z', ['2025-01-14']", "'day' (date) in row 0 holds an array; it cannot be read as DateOnly?*")]
    public void As_SettableType_CellThatDoesNotFit_NamesColumnRowAndBothTypes(string cells, string message)
    {
        var result = Result($"[[{cells.Replace('\'', '"')}]]");

        var act = () => result.As(TypedQueryJsonContext.Default.SettableRow);

        act.Should().Throw<InvalidCastException>().WithMessage("Column " + message);
    }

    [Fact]
    public void As_RaggedRows_LeaveMissingCellsUnset()
    {
        var result = Result("""[["EMEA", 1.5], [], ["NA", 2, 3, 4, true, 0.5, "2025-01-14T16:22:00Z", "2025-01-14", "x", "beyond the columns"]]""");

        var settable = result.As(TypedQueryJsonContext.Default.SettableRow).Rows;
        var record = result.As(TypedQueryJsonContext.Default.RegionRevenue).Rows;

        settable.Select(r => (r.Region, r.SumRevenue, r.Orders)).Should().Equal(("EMEA", 1.5m, 0L), (null, null, 0L), ("NA", 2m, 3L));
        record.Should().Equal(new RegionRevenue("EMEA", 1.5m, 0, null), new RegionRevenue(null!, null, 0, null), new RegionRevenue("NA", 2m, 4, true));
    }

    [Fact]
    public void As_Callbacks_RunAroundEachRow()
    {
        var rows = Result("""[["EMEA"], ["NA"]]""").As(TypedQueryJsonContext.Default.CallbackRow).Rows;

        rows.Select(r => (r.Region, r.Calls)).Should().Equal(("EMEA", "before;after;"), ("NA", "before;after;"));
    }

    [Fact]
    public void As_ConverterOnAProperty_IsUsed()
    {
        var rows = Result("""[["emea", 1, 7]]""").As(TypedQueryJsonContext.Default.ConvertedRow).Rows;

        rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new ConvertedRow { Region = "EMEA", Orders = 7 });
    }

    [Fact]
    public void As_RequiredPropertyWithoutAColumn_ThrowsNamingTheRow()
    {
        var act = () => Result("""[["EMEA"]]""").As(TypedQueryJsonContext.Default.RequiredRow);

        act.Should().Throw<InvalidCastException>().WithMessage("Row 0 cannot be read as RequiredRow: *NotAColumn*");
    }

    [Fact]
    public void As_Dictionary_TakesEveryColumnByName()
    {
        var rows = Result("""[["EMEA", 1.5, null]]""").As(TypedQueryJsonContext.Default.DictionaryStringJsonElement).Rows;

        rows.Should().ContainSingle().Which.Keys.Should().Equal(SettableColumns.Take(3).Select(c => c.Name));
        rows[0]["sum_revenue"].GetDecimal().Should().Be(1.5m);
    }

    [Fact]
    public void As_TenThousandRows_FillsEveryRowInOrder()
    {
        var result = Result("[" + string.Join(",", Enumerable.Range(0, 10_000).Select(i =>
            $"""["r{i}", {i}.25, {i}, {i % 100}, {(i % 2 == 0 ? "true" : "false")}, null, "2025-01-14T16:22:{i % 60:00}Z", "2025-01-{1 + (i % 28):00}", null]""")) + "]");

        var rows = result.As(TypedQueryJsonContext.Default.SettableRow).Rows;

        rows.Should().HaveCount(10_000);
        rows.Select(r => r.Orders).Should().Equal(Enumerable.Range(0, 10_000).Select(i => (long)i));
        rows[9_999].Should().BeEquivalentTo(new SettableRow
        {
            Region = "r9999", SumRevenue = 9999.25m, Orders = 9999, OrderCount = 99, IsActive = false,
            At = new DateTimeOffset(2025, 1, 14, 16, 22, 39, TimeSpan.Zero), Day = new DateOnly(2025, 1, 4),
        });
    }

    [Fact]
    public async Task QueryAsync_TypeInfo_SettableType_MapsFromTheAnswer()
    {
        GivenRows("""["EMEA", 1.5, 3, true, "x"]""", """["NA", null, 4, false, null]""");
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionStats);
        var settable = await client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.SettableRow);

        result.Rows.Select(r => (r.Region, r.OrderCount)).Should().Equal(("EMEA", 3L), ("NA", 4L));
        settable.Rows.Select(r => (r.Region, r.SumRevenue, r.OrderCount, r.IsActive)).Should().Equal(("EMEA", 1.5m, 3, true), ("NA", null, 4, false));
    }

    [Fact]
    public async Task QueryAsync_TypeInfo_RowsBeforeColumns_AreMappedByTheColumns()
    {
        _api.StubJson("POST", "/v1/analytics/query", $$"""{ "meta": { "row_count": 2 }, "data": { "rows": [["EMEA", 1.5, 3, true, null], ["NA", 2, 4, false, null]], "columns": {{Columns}} } }""");
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionRevenue);

        result.Rows.Should().Equal(new RegionRevenue("EMEA", 1.5m, 3, true), new RegionRevenue("NA", 2m, 4, false));
        result.Meta.RowCount.Should().Be(2);
    }

    [Fact]
    public async Task QueryAsync_TypeInfo_ColumnsAndRowsGivenTwice_TheLastOnesCount()
    {
        _api.StubJson("POST", "/v1/analytics/query", $$"""
            { "data": { "columns": {{Columns}}, "rows": [["stale", 0, 0, false, null]],
                        "columns": [ { "name": "is_active", "type": "boolean" }, { "name": "region", "type": "string" } ], "rows": [[true, "EMEA"], [false, "NA"]] } }
            """);
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.SettableRow);

        result.Rows.Select(r => (r.Region, r.IsActive)).Should().Equal(("EMEA", true), ("NA", false));
        result.Columns.Select(c => c.Name).Should().Equal("is_active", "region");
    }

    [Fact]
    public async Task QueryAsync_TypeInfo_CellThatDoesNotFitInAnAnswerCutShort_IsReportedAsUnreadable()
    {
        var rows = string.Join(",", Enumerable.Range(0, 5_000).Select(i => i == 0 ? """["EMEA", "lots", 1, true, null]""" : $"""["r{i}", {i}, {i}, true, null]"""));
        _api.StubRaw("POST", "/v1/analytics/query", 200, $$"""{ "data": { "columns": {{Columns}}, "rows": [{{rows}}, ["cut""", "application/json");
        using var client = _api.CreateClient();

        var act = () => client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.RegionRevenue);

        (await act.Should().ThrowExactlyAsync<DataPulseException>()).Which.Operation.Should().Be("Analytics.Query");
    }

    [Fact]
    public async Task QueryAsync_TypeInfo_NotAnObjectType_ThrowsAndSendsNothing()
    {
        using var client = _api.CreateClient();

        var act = () => client.Analytics.QueryAsync(Query, TypedQueryJsonContext.Default.Int32);

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("Query rows map to objects; Int32 is read from JSON as None.*");
        _api.ShouldHaveReceivedNothing();
    }

    private static QueryResult Result(string rows)
    {
        using var document = JsonDocument.Parse(rows);
        return new QueryResult(SettableColumns, document.RootElement, new QueryMeta());
    }
}
