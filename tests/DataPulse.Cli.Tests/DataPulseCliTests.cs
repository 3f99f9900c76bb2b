using System.Reflection;
using DataPulse.Cli.Tests.Infrastructure;

namespace DataPulse.Cli.Tests;

/// <summary>The command line as a whole: version, help, and mistakes that no command owns.</summary>
public sealed class DataPulseCliTests
{
    [Fact]
    public async Task Version_PrintsTheInformationalVersionWithoutCommit_ExitsZero()
    {
        var expected = typeof(Application).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        var result = await CliProcess.RunAsync("--version");

        result.ExitCode.Should().Be(0, "{0}", result);
        result.StdOut.Trim().Should().Be(expected).And.MatchRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$").And.NotContain("+");
        result.StdErr.Should().BeEmpty();
    }

    [Fact]
    public async Task NoArguments_PrintsHelp_ExitsZero()
    {
        var result = await CliProcess.RunAsync();

        result.ExitCode.Should().Be(0, "{0}", result);
        result.StdOut.Should().Contain("kpi").And.Contain("export").And.Contain("--version");
    }

    [Fact]
    public async Task UnknownOption_ExitsTwo_WithOneLineAndTheCommandsUsageOnStderr()
    {
        var result = await CliProcess.RunAsync("kpi", "--sandbox", "--vertcal", "saas");

        result.ExitCode.Should().Be(2, "{0}", result);
        result.StdOut.Should().BeEmpty("nothing runs: before, every vertical was printed");
        result.ErrorLines.Should().Equal(
            "Unknown option 'vertcal'.",
            "Usage: datapulse kpi [-p|--period <PERIOD>] [-v|--vertical <VERTICAL>] [--sandbox] [--json]",
            "Run 'datapulse kpi --help' for details.");
    }

    [Fact]
    public async Task UnknownOption_WithJson_ExitsTwo_WithOneErrorObject()
    {
        var result = await CliProcess.RunAsync("kpi", "--json", "--vertcal", "saas");

        result.ExitCode.Should().Be(2, "{0}", result);
        var error = ErrorJson.Read(result);
        error.GetProperty("code").GetString().Should().Be("usage_error");
        error.GetProperty("exit_code").GetInt32().Should().Be(2);
        error.GetProperty("message").GetString().Should().Be("Unknown option 'vertcal'.");
        error.GetProperty("usage").GetString().Should().StartWith("datapulse kpi ");
        error.GetProperty("trace_id").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo_NamingTheCommands()
    {
        var result = await CliProcess.RunAsync("kpis");

        result.ExitCode.Should().Be(2, "{0}", result);
        result.ErrorLines.Should().Equal(
            "Unknown command 'kpis'.",
            "Usage: datapulse <COMMAND> [OPTIONS], where COMMAND is one of kpi, query, customer, predict, export",
            "Run 'datapulse --help' for details.");
    }

    [Fact]
    public async Task MissingArgument_ExitsTwo()
    {
        var result = await CliProcess.RunAsync("customer");

        result.ExitCode.Should().Be(2, "{0}", result);
        result.ErrorLines[0].Should().Be("Command 'customer' is missing required argument 'ID'.");
        result.ErrorLines[1].Should().Be("Usage: datapulse customer <ID> [--sandbox] [--json]");
    }
}
