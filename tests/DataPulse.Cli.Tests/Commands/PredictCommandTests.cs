using DataPulse.Cli.Tests.Infrastructure;

namespace DataPulse.Cli.Tests.Commands;

public sealed class PredictCommandTests
{
    [Fact]
    public async Task Features_Predicts_ExitsZero()
    {
        var result = await CliProcess.RunAsync("predict", "--sandbox", "churn_v3", "-f", "tenure_months=14", "-f", "is_annual=false");

        result.ExitCode.Should().Be(0, "{0}", result);
        result.StdOut.Should().MatchRegex(@"^churn_\w+ at \d+ %");
    }

    [Fact]
    public async Task MalformedFeature_ExitsTwo_BeforeAnythingStarts()
    {
        var result = await CliProcess.RunAsync("predict", "--sandbox", "churn_v3", "-f", "tenure_months");

        result.ExitCode.Should().Be(2, "{0}", result);
        result.StdErr.Should().NotContain("Using the local sandbox");
        result.ErrorLines[0].Should().Be("--feature must look like name=value, for example tenure_months=14; 'tenure_months' does not.");
        result.ErrorLines[1].Should().Be("Usage: datapulse predict <MODEL> [-f|--feature <NAME=VALUE>]... [--sandbox] [--json]");
    }
}
