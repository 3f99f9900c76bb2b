using DataPulse.Cli.Tests.Infrastructure;

namespace DataPulse.Cli.Tests.Commands;

public sealed class KpiCommandTests
{
    [Fact]
    public async Task Kpi_Sandbox_PrintsTheTable_ExitsZero()
    {
        var result = await CliProcess.RunAsync("kpi", "--sandbox", "--period", "30d", "--vertical", "retail");

        result.ExitCode.Should().Be(0, "{0}", result);
        result.StdOut.Should().MatchRegex(@"Revenue +│ +2,845,000 │").And.MatchRegex(@"Active users +│ +18,420 │");
        result.StdErr.Should().StartWith("Using the local sandbox at http://127.0.0.1:");
    }

    [Fact]
    public async Task Kpi_ValuesIgnoreCase()
    {
        var result = await CliProcess.RunAsync("kpi", "--sandbox", "--json", "--period", "7D", "--vertical", "Retail");

        result.ExitCode.Should().Be(0, "{0}", result);
        result.StdOut.Should().Contain("\"period\": \"7d\"");
    }

    [Theory]
    [InlineData("--period", "2w", "--period must be one of 7d, 30d, 90d, 1y; '2w' is not.")]
    [InlineData("--vertical", "sass", "--vertical must be one of retail, saas, finance; 'sass' is not.")]
    public async Task Kpi_UnknownValue_ExitsTwo_NamingTheValues(string option, string value, string message)
    {
        var result = await CliProcess.RunAsync("kpi", "--sandbox", option, value);

        result.ExitCode.Should().Be(2, "{0}", result);
        result.StdErr.Should().NotContain("Using the local sandbox", "a bad value fails before anything starts");
        result.ErrorLines[0].Should().Be(message);
        result.ErrorLines[1].Should().StartWith("Usage: datapulse kpi ");
    }
}
