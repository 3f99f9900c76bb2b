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
    public void From_NotFoundWhoseMessageIsJustNotFound_SaysItOnce()
    {
        var error = CliErrors.From(new DataPulseNotFoundException("404", new DataPulseApiError { StatusCode = System.Net.HttpStatusCode.NotFound, Message = "Not found." }));

        error.Message.Should().Be("Not found.");
    }

    [Fact]
    public void From_AuthenticationWithoutServerMessage_EndsWithTheCliSentence()
    {
        var error = CliErrors.From(new DataPulseAuthenticationException("401", new DataPulseApiError { StatusCode = System.Net.HttpStatusCode.Unauthorized }));

        error.Message.Should().Be("Authentication failed: check DATAPULSE_API_KEY.");
    }

    [Fact]
    public void From_ConnectionFailure_IsTheSdksMessageWithoutAPrefixSayingItAgain()
    {
        var message = "Analytics.GetKpiSummary could not reach DataPulse at https://api.datapulse.io: Connection refused.";

        CliErrors.From(new DataPulseConnectionException(message, "Analytics.GetKpiSummary")).Message.Should().Be(message);
    }

    [Fact]
    public void From_Timeout_IsTheSdksMessageWithoutAPrefixSayingItAgain()
    {
        var message = "Analytics.GetKpiSummary timed out: an attempt took longer than 00:00:30 (DataPulseClientOptions.AttemptTimeout) and no retry was left or allowed.";

        CliErrors.From(new DataPulseTimeoutException(message, DataPulseTimeoutKind.Attempt, TimeSpan.FromSeconds(30), "Analytics.GetKpiSummary")).Message.Should().Be(message);
    }

    [Fact]
    public void From_OtherStatusWithoutServerMessage_DoesNotRepeatTheSdksMessage()
    {
        var error = CliErrors.From(new DataPulseApiException("Analytics.GetKpiSummary failed: 418 (teapot_error/teapot).", new DataPulseApiError { StatusCode = (System.Net.HttpStatusCode)418 }));

        error.Message.Should().Be("DataPulse answered 418.");
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
