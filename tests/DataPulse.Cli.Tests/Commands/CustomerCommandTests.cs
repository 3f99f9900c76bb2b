using DataPulse.Cli.Tests.Infrastructure;

namespace DataPulse.Cli.Tests.Commands;

public sealed class CustomerCommandTests
{
    [Fact]
    public async Task UnknownId_ExitsFour_WithOneLine()
    {
        var result = await CliProcess.RunAsync("customer", "--sandbox", "cust_missing");

        result.ExitCode.Should().Be(4, "{0}", result);
        result.ErrorLines.Should().Equal("Not found: No customer has the id 'cust_missing'.");
        result.StdOut.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownId_WithJson_ExitsFour_WithTheErrorObject()
    {
        var result = await CliProcess.RunAsync("customer", "--sandbox", "--json", "cust_missing");

        result.ExitCode.Should().Be(4, "{0}", result);
        var error = ErrorJson.Read(result);
        error.GetProperty("code").GetString().Should().Be("not_found");
        error.GetProperty("exit_code").GetInt32().Should().Be(4);
        error.GetProperty("message").GetString().Should().Be("Not found: No customer has the id 'cust_missing'.");
        error.GetProperty("trace_id").GetString().Should().StartWith("trc_");
        error.TryGetProperty("usage", out _).Should().BeFalse("the command line was right");
    }

    [Fact]
    public async Task KnownId_PrintsTheProfile_ExitsZero()
    {
        var result = await CliProcess.RunAsync("customer", "--sandbox", "cust_92f8a3b1");

        result.ExitCode.Should().Be(0, "{0}", result);
        result.StdOut.Should().Contain("Customer cust_92f8a3b1").And.Contain("4,820.50");
    }
}
