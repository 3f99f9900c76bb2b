using System.Text.Json;
using DataPulse.Client.Analytics;

namespace DataPulse.Client.Tests.Analytics;

/// <summary>The public constructor (for callers faking the client) and what a result keeps.</summary>
public sealed class QueryResultTests
{
    private static readonly QueryColumn[] Columns = [new() { Name = "region", Type = QueryColumnType.String }, new() { Name = "n", Type = QueryColumnType.Integer }];

    [Theory]
    [InlineData("""{ "a": 1 }""", "Object")]
    [InlineData("\"rows\"", "String")]
    [InlineData("42", "Number")]
    public void Constructor_RowsNotAnArray_ThrowsArgumentExceptionOnRows(string rows, string found)
    {
        using var document = JsonDocument.Parse(rows);

        var act = () => new QueryResult(Columns, document.RootElement, new QueryMeta());

        act.Should().Throw<ArgumentException>().WithMessage($"Query rows must be a JSON array; found {found}.*").Which.ParamName.Should().Be("rows");
    }

    [Theory]
    [InlineData("""[["a", 1], 2]""", "Query row 1 must be a JSON array of cells; found Number.*")]
    [InlineData("""[{ "region": "a" }]""", "Query row 0 must be a JSON array of cells; found Object.*")]
    [InlineData("""[["a", 1], ["b", 2], null]""", "Query row 2 must be a JSON array of cells; found Null.*")]
    public void Constructor_RowNotAnArray_ThrowsNamingTheRow(string rows, string message)
    {
        using var document = JsonDocument.Parse(rows);

        var act = () => new QueryResult(Columns, document.RootElement, new QueryMeta());

        act.Should().Throw<ArgumentException>().WithMessage(message).Which.ParamName.Should().Be("rows");
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        using var document = JsonDocument.Parse("[]");

        FluentActions.Invoking(() => new QueryResult(null!, document.RootElement, new QueryMeta())).Should().Throw<ArgumentNullException>().WithParameterName("columns");
        FluentActions.Invoking(() => new QueryResult(Columns, document.RootElement, null!)).Should().Throw<ArgumentNullException>().WithParameterName("meta");
    }

    [Fact]
    public void Result_OutlivesTheDocumentItWasBuiltFrom()
    {
        QueryResult result;
        using (var document = JsonDocument.Parse("""[["EMEA", 1], ["NA", null]]"""))
        {
            result = new QueryResult(Columns, document.RootElement, new QueryMeta { RowCount = 2 }, new DataPulseResponseInfo { TraceId = "trc_1" });
        }

        result.Rows.Select(r => r.GetString("region")).Should().Equal("EMEA", "NA");
        result.Rows[1].IsNull("n").Should().BeTrue();
        result.Rows[0][1].GetInt32().Should().Be(1);
        result.Response.TraceId.Should().Be("trc_1");
        result.Meta.RowCount.Should().Be(2);
    }

    [Fact]
    public void Rows_AreBuiltOnceAndKeptInOrder()
    {
        using var document = JsonDocument.Parse("[" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"[\"r\", {i}]")) + "]");
        var result = new QueryResult(Columns, document.RootElement, new QueryMeta());

        result.Rows.Should().BeSameAs(result.Rows);
        result.Rows[12_345].Should().BeSameAs(result.Rows[12_345]);
        result.Rows.Should().HaveCount(20_000);
        result.Rows.Select(r => r.Index).Should().Equal(Enumerable.Range(0, 20_000));
        result.Rows.Select(r => r.GetInt64(1)).Should().Equal(Enumerable.Range(0, 20_000).Select(i => (long?)i));
    }

    [Fact]
    public void Map_BeforeAndAfterRowsAreRead_MapsEveryRowOnceInOrder()
    {
        using var document = JsonDocument.Parse("[" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"[\"r{i}\", {i}]")) + "]");
        var result = new QueryResult(Columns, document.RootElement, new QueryMeta());
        var seen = new List<int>();

        var before = result.Map(row => { seen.Add(row.Index); return (row.GetString(0), row.GetInt64("n")); });
        result.Rows.Should().HaveCount(20_000);
        var after = result.Map(row => (row.GetString(0), row.GetInt64("n")));

        seen.Should().Equal(Enumerable.Range(0, 20_000));
        before.Rows.Should().Equal(Enumerable.Range(0, 20_000).Select(i => ((string?)$"r{i}", (long?)i)));
        after.Rows.Should().Equal(before.Rows);
        before.Columns.Should().BeSameAs(result.Columns);
    }

    [Fact]
    public void ToString_ShowsTheColumnsAndHowManyRows()
    {
        using var document = JsonDocument.Parse("""[["north", 1], ["south", 2]]""");
        var result = new QueryResult(Columns, document.RootElement, new QueryMeta { QueryId = "q_1" });

        result.ToString().Should().StartWith("QueryResult { Columns = [")
            .And.Contain(Columns[0].Name)
            .And.Contain("RowCount = 2")
            .And.Contain("q_1")
            .And.NotContain(typeof(QueryResult).FullName);
    }

    [Fact]
    public void ToString_ShowsNoCell()
    {
        using var document = JsonDocument.Parse("""[["secret-region", 424242]]""");
        var result = new QueryResult(Columns, document.RootElement, new QueryMeta());

        result.ToString().Should().NotContain("secret").And.NotContain("424242");
        result.Rows[0].ToString().Should().NotContain("secret").And.NotContain("424242");
    }
}
