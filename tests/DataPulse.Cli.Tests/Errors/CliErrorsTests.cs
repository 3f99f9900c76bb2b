using DataPulse.Cli.Errors;
using DataPulse.Cli.Tests.Infrastructure;
using DataPulse.Client;

namespace DataPulse.Cli.Tests.Errors;

public sealed class CliErrorsTests
{
    public static TheoryData<string, Exception, string, int> Failures => SampleFailures.All;

    [Theory]
    [MemberData(nameof(Failures))]
    public void From_GivesEachKindOfFailureItsCodeAndExitCode(string kind, Exception exception, string code, int exitCode)
    {
        var error = CliErrors.From(exception);

        error.Code.Should().Be(code, kind);
        error.ExitCode.Should().Be(exitCode, kind);
        error.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void From_ApiError_CarriesTheTraceId()
    {
        var error = CliErrors.From(new DataPulseNotFoundException("404", new DataPulseApiError
        {
            StatusCode = System.Net.HttpStatusCode.NotFound,
            Message = "No customer has the id 'cust_missing'.",
            TraceId = "trc_abc",
        }));

        error.Should().Be(new CliError("not_found", 4, "Not found: No customer has the id 'cust_missing'.", "trc_abc"));
    }

    [Fact]
    public void From_ArgumentException_DropsTheParameterName()
    {
        var error = CliErrors.From(new ArgumentException("Set exactly one of TemplateId and Query; neither is set.", "request"));

        error.Message.Should().Be("Invalid input: Set exactly one of TemplateId and Query; neither is set.");
    }

    [Fact]
    public void From_ParseError_IsAUsageError()
    {
        CliErrors.From(SampleFailures.All.Select(row => (Exception)row[1]).First()).IsUsageError.Should().BeTrue();
    }
}
