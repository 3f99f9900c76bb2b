using System.Text;
using System.Text.Json;
using DataPulse.Client.Analytics;

namespace DataPulse.Client.Tests.Analytics;

/// <summary>The one forward pass over a query answer reads it as System.Text.Json reads the envelope.</summary>
public sealed class QueryAnswerReaderTests
{
    private const string Columns = """[ { "name": "region", "type": "string" }, { "name": "n", "type": "integer" } ]""";
    private const string Meta = """{ "query_id": "q1", "row_count": 2, "truncated": true, "execution_time_ms": 3, "generated_at": "2025-01-15T08:30:00Z" }""";

    [Theory]
    [InlineData("""{ "data": { "columns": COLUMNS, "rows": [["a", 1], ["b", 2]] }, "meta": META }""")]
    [InlineData("""{ "meta": META, "data": { "rows": [["a", 1], ["b", 2]], "columns": COLUMNS } }""")]
    [InlineData("""{ "x": [1, {"y": [2]}], "data": { "cursor": { "next": null }, "columns": COLUMNS, "rows": [["a", 1], ["b", 2]], "more": [] }, "meta": META, "z": "w" }""")]
    [InlineData("""{ "data": { "columns": COLUMNS, "rows": [["stale", 0]] }, "meta": META, "data": { "columns": COLUMNS, "rows": [["a", 1], ["b", 2]] } }""")]
    [InlineData("""{ "data": { "rows": [["stale", 0]], "columns": [], "rows": [["a", 1], ["b", 2]], "columns": COLUMNS }, "meta": META }""")]
    [InlineData("""{ "d\u0061ta": { "columns": COLUMNS, "rows": [["a", 1], ["b", 2]] }, "meta": META }""")]
    [InlineData("""  {"data":{"columns":COLUMNS,"rows":[["a",1],["b",2]]},"meta":META}  """)]
    public void Read_AnyOrderUnknownAndRepeatedProperties_AsTheEnvelopeWouldBe(string body)
    {
        var answer = Read(body);

        answer.Should().NotBeNull();
        answer!.Columns.Select(c => c.Name).Should().Equal("region", "n");
        answer.Meta.Should().Be(new QueryMeta { QueryId = "q1", RowCount = 2, Truncated = true, ExecutionTimeMs = 3, GeneratedAt = new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero) });
        var result = new QueryResult(answer.Columns, answer.Cells, answer.Meta, DataPulseResponseInfo.None);
        result.Rows.Select(r => (r.GetString(0), r.GetInt64("n"))).Should().Equal(("a", 1L), ("b", 2L));
    }

    [Theory]
    [InlineData("""{ "data": {} }""")]
    [InlineData("""{ "data": { "columns": null, "rows": null }, "meta": null }""")]
    [InlineData("""{ "data": { "rows": [] } }""")]
    public void Read_NoColumnsOrRows_IsAnEmptyResult(string body)
    {
        var answer = Read(body)!;

        answer.Columns.Should().BeEmpty();
        answer.Cells.RowCount.Should().Be(0);
        answer.Meta.Should().Be(new QueryMeta());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{ "meta": META }""")]
    [InlineData("""{ "data": null }""")]
    [InlineData("""{ "data": { "rows": [] }, "data": null }""")]
    [InlineData("""{ "Data": { "rows": [] } }""")]
    public void Read_NoData_IsNull(string body) => Read(body).Should().BeNull();

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"text\"")]
    [InlineData("{ not json")]
    [InlineData("""{ "data": "text" }""")]
    [InlineData("""{ "data": { "columns": "region" } }""")]
    [InlineData("""{ "data": { "columns": [ { "type": "string" } ], "rows": [] } }""")]
    [InlineData("""{ "data": { "rows": [["a", 1] } }""")]
    [InlineData("""{ "data": { "rows": [["a", 1]] } } trailing""")]
    [InlineData("""{ "data": { "rows": [["a", 1]] } } {}""")]
    [InlineData("""{ "data": { "rows": [["a", 1,]] } }""")]
    [InlineData("""{ "data": { "rows": [["a" /* comment */, 1]] } }""")]
    [InlineData("""{ "data": { "rows": [] }, "meta": { "row_count": "two" } }""")]
    [InlineData("   ")]
    public void Read_NotTheAnswersJson_ThrowsJsonException(string body)
    {
        var act = () => Read(body);

        act.Should().Throw<JsonException>();
    }

    [Theory]
    [InlineData("""{ "data": { "rows": { "a": 1 } } }""", "Query rows must be a JSON array; found Object.*")]
    [InlineData("""{ "data": { "rows": [ 1, 2 ] } }""", "Query row 0 must be a JSON array of cells; found Number.*")]
    [InlineData("""{ "data": { "rows": [ [1], [2], "three" ] } }""", "Query row 2 must be a JSON array of cells; found String.*")]
    public void Read_RowsOfAnotherShape_ThrowsArgumentExceptionNamingTheRow(string body, string message)
    {
        var act = () => Read(body);

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Read_NestingDeeperThanSixtyFour_ThrowsJsonException()
    {
        var cell = new string('[', 70) + new string(']', 70);

        var act = () => Read($$"""{ "data": { "rows": [[{{cell}}]] } }""");

        act.Should().Throw<JsonException>();
    }

    private static QueryAnswer? Read(string body) =>
        QueryAnswerReader.Read(Encoding.UTF8.GetBytes(body.Replace("COLUMNS", Columns, StringComparison.Ordinal).Replace("META", Meta, StringComparison.Ordinal)));
}
