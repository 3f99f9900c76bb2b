using System.Text.RegularExpressions;
using DataPulse.Cli.Tests.Infrastructure;

namespace DataPulse.Cli.Tests.Commands;

public sealed class QueryCommandTests
{
    [Fact]
    public async Task SelectStar_At120Columns_KeepsEveryIdWholeOnOneLine()
    {
        var result = await CliProcess.RunAsync(["query", "--sandbox", "SELECT * FROM transactions"], workingDirectory: null, columns: 120);

        result.ExitCode.Should().Be(0, "{0}", result);
        var lines = result.StdOut.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        lines.Should().OnlyContain(line => line.Length <= 120);
        var ids = Regex.Matches(result.StdOut, @"\b(txn|cust)_[0-9a-z]*…?").Select(m => m.Value).ToList();
        ids.Should().Contain("txn_1001").And.Contain("cust_92f8a3b1");
        // Whole (txn_ and four digits, cust_ and eight hex digits) or visibly cut: never a fragment without an ellipsis.
        ids.Should().OnlyContain(id => Regex.IsMatch(id, @"^(txn_\d{4}|cust_[0-9a-f]{8}|[a-z_0-9]+…)$"), "ids: {0}", string.Join(", ", ids));
        result.StdOut.Should().Contain("27,930.00", "numbers carry thousands separators and keep their decimals");
        TableText.Column(result.StdOut, 4).Should().OnlyContain(cell => cell.Length == 0 || cell == "null" || Regex.IsMatch(cell, "^cust_[0-9a-f]{8}$"));
    }

    [Fact]
    public async Task SelectStar_At80Columns_CutsWithAnEllipsis_NeverFolds()
    {
        var result = await CliProcess.RunAsync("query", "--sandbox", "SELECT * FROM transactions");

        result.ExitCode.Should().Be(0, "{0}", result);
        // A folded id leaves a fragment such as "3b1" on the next line of its cell; a cut one ends in an ellipsis.
        TableText.Column(result.StdOut, 0).Should().OnlyContain(cell => cell.Length == 0 || cell.StartsWith("txn_", StringComparison.Ordinal));
        TableText.Column(result.StdOut, 4).Should().Contain(cell => cell.EndsWith('…'))
            .And.OnlyContain(cell => cell.Length == 0 || cell == "null" || cell.StartsWith("cust_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NonNumericLimit_ExitsTwo_InTheCallersWords()
    {
        var result = await CliProcess.RunAsync("query", "--sandbox", "SELECT * FROM transactions", "--limit", "abc");

        result.ExitCode.Should().Be(2, "{0}", result);
        result.ErrorLines[0].Should().Be("--limit must be a whole number from 1 to 10000; 'abc' is not.");
        result.ErrorLines[1].Should().Be("Usage: datapulse query <SQL> [-l|--limit <LIMIT>] [--sandbox] [--json]");
    }

    [Fact]
    public async Task LimitOutOfRange_ExitsTwo_WithoutDotNetParameterNames()
    {
        var result = await CliProcess.RunAsync("query", "--sandbox", "SELECT * FROM transactions", "--limit", "0");

        result.ExitCode.Should().Be(2, "{0}", result);
        result.ErrorLines.Should().Equal("Invalid input: Limit must be from 1 to 10000; it is 0.");
    }

    [Fact]
    public async Task InvalidQuery_WithJson_ExitsTwo_WithTheTraceId()
    {
        var result = await CliProcess.RunAsync("query", "--sandbox", "--json", "DELETE FROM transactions");

        result.ExitCode.Should().Be(2, "{0}", result);
        var error = ErrorJson.Read(result);
        error.GetProperty("code").GetString().Should().Be("bad_request");
        error.GetProperty("exit_code").GetInt32().Should().Be(2);
        error.GetProperty("trace_id").GetString().Should().StartWith("trc_");
        result.StdOut.Should().BeEmpty();
    }
}
