using System.Globalization;
using System.Text.Json;
using DataPulse.Client.Analytics;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Analytics;

/// <summary>Typed cell access on a query result that holds every column type the contract names.</summary>
public sealed class QueryRowTests : IClassFixture<ApiServer>
{
    private const string Columns = """
        [ { "name": "region", "type": "string" },
          { "name": "revenue", "type": "number" },
          { "name": "orders", "type": "integer" },
          { "name": "active", "type": "boolean" },
          { "name": "seen_at", "type": "timestamp" },
          { "name": "day", "type": "date" },
          { "name": "location", "type": "geo" } ]
        """;

    private const string Rows = """
        [ ["EMEA", 1203400.57, 9007199254740993, true, "2025-01-14T16:22:00Z", "2025-01-14", "POINT(1 2)"],
          [null, null, null, null, null, null, null] ]
        """;

    private const string Meta = """{ "query_id": "qry_1", "row_count": 2, "truncated": true, "execution_time_ms": 7, "generated_at": "2025-01-15T08:30:00Z" }""";

    private const string Body = """{ "data": { "columns": """ + Columns + """, "rows": """ + Rows + """ }, "meta": """ + Meta + " }";

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

    [Theory]
    [InlineData("1e2")]
    [InlineData("1E+2")]
    [InlineData("-1.5E+10")]
    [InlineData("1.5e-3")]
    [InlineData("0.1e1")]
    [InlineData("10e0")]
    [InlineData("-0")]
    [InlineData("1.0")]
    [InlineData("1e28")]
    [InlineData("1e29")]
    [InlineData("1e-29")]
    [InlineData("1e400")]
    [InlineData("-1e-400")]
    [InlineData("5e-324")]
    [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775808")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("7.9228162514264337593543950335e28")]
    [InlineData("1.23456789012345678901234567890123")]
    [InlineData("123456789012345678901234567890")]
    public void NumberGetters_ReadEveryNumberFormAsJsonElementDoes(string number)
    {
        using var document = JsonDocument.Parse($"[[{number}]]");
        var element = document.RootElement[0][0];
        var row = Result($"[[{number}]]", "n").Rows[0];

        Outcome(() => row.GetDecimal(0)).Should().Be(Outcome(() => element.TryGetDecimal(out var v) ? v : Fails<decimal>()));
        Outcome(() => row.GetDouble(0)).Should().Be(Outcome(() => element.TryGetDouble(out var v) ? v : Fails<double>()));
        Outcome(() => row.GetInt64(0)).Should().Be(Outcome(() => element.TryGetInt64(out var v) ? v : Fails<long>()));
        row[0].GetRawText().Should().Be(number);
    }

    [Theory]
    [InlineData("2025-01-14T16:22:00Z")]
    [InlineData("2025-01-14T16:22:00.5Z")]
    [InlineData("2025-01-14T16:22:00.1234567Z")]
    [InlineData("2025-01-14T16:22:00.12345678Z")]
    [InlineData("2025-01-14T16:22:00+01:00")]
    [InlineData("2025-01-14T16:22:00-05:30")]
    [InlineData("2025-01-14T16:22:00")]
    [InlineData("2025-01-14T16:22Z")]
    [InlineData("2025-01-14")]
    [InlineData("2025-01-14t16:22:00z")]
    [InlineData("2025-01-14 16:22:00Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2025-01-14T24:00:00Z")]
    [InlineData("2025-01-14T23:59:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("2025-13-01T00:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("\\u0032025-01-14T16:22:00Z")]
    public void GetDateTimeOffset_ReadsEveryFormAsJsonElementDoes(string text)
    {
        var json = $"[[\"{text}\"]]";
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement[0][0];
        var row = Result(json, "at").Rows[0];

        // The text includes the offset, so the offset is compared too.
        Outcome(() => row.GetDateTimeOffset(0)).Should().Be(Outcome(() => element.TryGetDateTimeOffset(out var v) ? v : Fails<DateTimeOffset>()));
    }

    [Theory]
    [InlineData("2025-01-14")]
    [InlineData("2024-02-29")]
    [InlineData("2025-02-29")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2025-1-14")]
    [InlineData("2025-01-14T00:00:00Z")]
    [InlineData(" 2025-01-14")]
    [InlineData("2025/01/14")]
    [InlineData("\\u0032025-01-14")]
    [InlineData("")]
    public void GetDate_ReadsEveryFormAsBefore(string text)
    {
        var json = $"[[\"{text}\"]]";
        using var document = JsonDocument.Parse(json);
        var value = document.RootElement[0][0].GetString()!;
        var row = Result(json, "day").Rows[0];

        Outcome(() => row.GetDate(0)).Should().Be(Outcome(() =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : Fails<DateOnly>()));
    }

    [Theory]
    [InlineData("a\\\"b")]
    [InlineData("caf\\u00e9")]
    [InlineData("line\\nbreak\\ttab")]
    [InlineData("\\ud83d\\ude00 smile")]
    [InlineData("\\/slash\\\\backslash")]
    [InlineData("plain é ü 中文")]
    public void GetString_EscapedAndUnicodeText_ReadsAsJsonElementDoes(string text)
    {
        var json = $"[[\"{text}\", 1]]";
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement[0][0];
        var row = Result(json, "s", "n").Rows[0];

        row.GetString(0).Should().Be(element.GetString());
        row["s"].GetString().Should().Be(element.GetString());
        row[0].GetRawText().Should().Be(element.GetRawText());
        row.GetInt64(1).Should().Be(1);
    }

    [Theory]
    [InlineData(4_095)]
    [InlineData(4_096)]
    [InlineData(81_920)]
    [InlineData(81_921)]
    [InlineData(300_000)]
    public void GetString_VeryLongText_ReadsWhole(int length)
    {
        var text = string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        var rows = string.Join(",", Enumerable.Range(0, 40).Select(i => $"[\"{(i == 20 ? text : "short")}\", {i}, \"{text[..100]}\\n\"]"));
        var result = Result($"[{rows}]", "s", "n", "t");

        result.Rows.Should().HaveCount(40);
        result.Rows[20].GetString(0).Should().Be(text);
        result.Rows[20][0].GetString().Should().Be(text);
        result.Rows[19].GetString(0).Should().Be("short");
        result.Rows[21].GetString(0).Should().Be("short");
        result.Rows.Select(r => r.GetInt64(1)).Should().Equal(Enumerable.Range(0, 40).Select(i => (long?)i));
        result.Rows.Should().AllSatisfy(r => r.GetString(2).Should().Be(text[..100] + "\n"));
    }

    [Fact]
    public void Getters_ARowOfManyLongCells_ReadWhole()
    {
        // More text in one row than a block holds (64 KiB), in cells each under the size kept apart (4 KiB).
        var cell = new string('x', 3_000);
        var cells = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"{cell}{i}\""));
        var result = Result($"[[1],[{cells}],[2]]", "a");

        result.Rows[1].Count.Should().Be(40);
        Enumerable.Range(0, 40).Should().AllSatisfy(i => result.Rows[1].GetString(i).Should().Be(cell + i));
        result.Rows[0].GetInt64(0).Should().Be(1);
        result.Rows[2].GetInt64(0).Should().Be(2);
    }

    [Fact]
    public void Cells_NestedArraysAndObjects_AreKeptWholeAsJson()
    {
        var result = Result("""[[{"lat": 1.5, "tags": ["a", {"b": null}]}, [1, [2, [3]]], "after"]]""", "geo", "list", "s");
        var row = result.Rows[0];

        row["geo"].ValueKind.Should().Be(JsonValueKind.Object);
        row["geo"].GetProperty("tags")[1].GetProperty("b").ValueKind.Should().Be(JsonValueKind.Null);
        row[1].GetRawText().Should().Be("[1, [2, [3]]]");
        row.GetString("s").Should().Be("after");
        row.IsNull(0).Should().BeFalse();
        row.Invoking(r => r.GetString(0)).Should().Throw<InvalidCastException>().WithMessage("Column 'geo' in row 0 holds an object; it cannot be read as string.");
        row.Invoking(r => r.GetDecimal(1)).Should().Throw<InvalidCastException>().WithMessage("Column 'list' in row 0 holds an array; it cannot be read as decimal.");
    }

    [Fact]
    public void Rows_Ragged_KeepEachRowsOwnCells()
    {
        var result = Result("""[[], ["a"], ["b", 2, true, "extra", null], [null, 3]]""", "s", "n", "b");

        result.Rows.Select(r => r.Count).Should().Equal(0, 1, 5, 2);
        result.Rows[0].Invoking(r => r.GetString(0)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("Row 0 has 0 cells; there is no cell 0.*");
        result.Rows[1].GetString("s").Should().Be("a");
        result.Rows[1].Invoking(r => r.GetInt64("n")).Should().Throw<ArgumentOutOfRangeException>();
        result.Rows[2].GetString(3).Should().Be("extra");
        result.Rows[2].IsNull(4).Should().BeTrue();
        result.Rows[2].Invoking(r => r.GetInt64(3)).Should().Throw<InvalidCastException>().WithMessage("Column '3' in row 2 holds a string*");
        result.Rows[3].GetInt64("n").Should().Be(3);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    public void Rows_None_AreEmpty(string rows)
    {
        Result(rows, "a").Rows.Should().BeEmpty();
        new QueryResult([new QueryColumn { Name = "a" }], default, new QueryMeta()).Rows.Should().BeEmpty();
    }

    [Fact]
    public void Getters_TypeMismatch_NeverShowTheCellsValue()
    {
        var row = Result("""[["secret-value-1", 12345.678, "2025-01-14T16:22:00Z"]]""", "name", "amount", "at").Rows[0];

        var reads = new Action[]
        {
            () => row.GetDecimal("name"), () => row.GetString("amount"), () => row.GetInt64("amount"), () => row.GetDate("at"), () => row.GetBoolean("name"),
        };

        reads.Should().AllSatisfy(read => read.Should().Throw<InvalidCastException>()
            .Which.Message.Should().NotContain("secret").And.NotContain("12345").And.NotContain("2025"));
        row.ToString().Should().Be(typeof(QueryRow).FullName);
    }

    [Fact]
    public async Task Rows_TenThousand_ReadByIndexAndByNameAsAJsonDocumentDoes()
    {
        var rows = Enumerable.Range(0, 10_000).Select(i =>
            $"""["r{i % 7}", {i}.5, {(i % 50 == 0 ? "null" : (i * 13).ToString(CultureInfo.InvariantCulture))}, {(i % 3 == 0 ? "true" : "false")}, "2025-01-01T00:{i % 60:00}:00Z", "2025-01-{1 + (i % 28):00}", "POINT({i} 0)"]""");
        var json = "[" + string.Join(",", rows) + "]";
        _api.StubJson("POST", "/v1/analytics/query", $$"""{ "data": { "columns": {{Columns}}, "rows": {{json}} }, "meta": { "row_count": 10000 } }""");
        using var document = JsonDocument.Parse(json);

        var result = await QueryAsync();

        result.Rows.Should().HaveCount(10_000);
        var expected = document.RootElement.EnumerateArray().ToList();
        for (var i = 0; i < 10_000; i++)
        {
            var row = result.Rows[i];
            var cells = expected[i];
            row.Index.Should().Be(i);
            (row.GetString(0), row.GetString("region")).Should().Be((cells[0].GetString(), cells[0].GetString()));
            row.GetDecimal("revenue").Should().Be(cells[1].GetDecimal());
            row.GetInt64(2).Should().Be(cells[2].ValueKind == JsonValueKind.Null ? null : cells[2].GetInt64());
            row.GetBoolean("ACTIVE").Should().Be(cells[3].GetBoolean());
            row.GetDateTimeOffset(4).Should().Be(cells[4].GetDateTimeOffset());
            row.GetDate("day").Should().Be(DateOnly.Parse(cells[5].GetString()!, CultureInfo.InvariantCulture));
            row.GetString("location").Should().Be(cells[6].GetString());
        }
    }

    [Fact]
    public async Task Result_AfterTheResponseBufferIsReused_StillReadsItsOwnCells()
    {
        var first = await QueryAsync();
        _api.Reset();
        _api.StubJson("POST", "/v1/analytics/query", Body.Replace("EMEA", "XXXX", StringComparison.Ordinal).Replace("1203400.57", "9999999.99", StringComparison.Ordinal));

        var second = await QueryAsync();

        second.Rows[0].GetString(0).Should().Be("XXXX");
        first.Rows[0].GetString(0).Should().Be("EMEA");
        first.Rows[0].GetDecimal(1).Should().Be(1203400.57m);
        first.Rows[0]["location"].GetString().Should().Be("POINT(1 2)");
    }

    private static QueryResult Result(string rows, params string[] columns)
    {
        using var document = JsonDocument.Parse(rows);
        return new QueryResult(columns.Select(c => new QueryColumn { Name = c, Type = QueryColumnType.String }).ToList(), document.RootElement, new QueryMeta());
    }

    /// <summary>What a read gives: the value as invariant text, or that it fails.</summary>
    private static string Outcome<T>(Func<T> read)
    {
        try
        {
            return Convert.ToString(read(), CultureInfo.InvariantCulture) ?? "null";
        }
        catch (InvalidCastException)
        {
            return "fails";
        }
    }

    private static T Fails<T>() => throw new InvalidCastException();
}
