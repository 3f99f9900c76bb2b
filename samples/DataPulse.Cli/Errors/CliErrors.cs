using DataPulse.Client;
using Spectre.Console.Cli;

namespace DataPulse.Cli.Errors;

/// <summary>The one place an exception becomes what the caller sees: a code, an exit code and one line.</summary>
internal static class CliErrors
{
    public static CliError From(Exception exception) => exception switch
    {
        // Spectre.Console.Cli: the command line could not be parsed, a required argument is missing, a value failed
        // the settings' own validation.
        CommandParseException or CommandRuntimeException => new("usage_error", ExitCodes.BadRequest, exception.Message, IsUsageError: true),
        OperationCanceledException => new("cancelled", ExitCodes.Cancelled, "Cancelled."),
        OutputException e => new("output_error", ExitCodes.OutputError, e.Message),
        // Only the export writes files; network I/O failures reach the CLI as DataPulseConnectionException.
        IOException or UnauthorizedAccessException => new("output_error", ExitCodes.OutputError, $"Could not save the report: {exception.Message}"),
        DataPulseRateLimitException e => new("rate_limited", ExitCodes.RateLimited, e.RetryAfter is { } wait
            ? FormattableString.Invariant($"Rate limited: retry in {wait.TotalSeconds:0} s (after {TimeProvider.System.GetLocalNow() + wait:HH:mm:ss}).")
            : "Rate limited: retry in a little while.", e.TraceId),
        DataPulseServerException e => new("server_error", ExitCodes.ServerError,
            FormattableString.Invariant($"DataPulse had a server error ({(int)e.StatusCode}); quote trace id {e.TraceId ?? "(none)"} to support."), e.TraceId),
        DataPulseAuthenticationException e => new("authentication_failed", ExitCodes.Authentication, Then("Authentication failed: check DATAPULSE_API_KEY.", e.Error.Message), e.TraceId),
        DataPulsePermissionDeniedException e => new("permission_denied", ExitCodes.PermissionDenied, Then("Permission denied: this key may not do that.", e.Error.Message), e.TraceId),
        DataPulseNotFoundException e => new("not_found", ExitCodes.NotFound, Said("Not found", e.Error.Message), e.TraceId),
        DataPulseBadRequestException e => new("bad_request", ExitCodes.BadRequest,
            Said(e.Param is { } param ? $"Bad request ({param})" : "Bad request", e.Error.Message), e.TraceId),
        DataPulseApiException e => new("api_error", ExitCodes.OtherApiError,
            Said(FormattableString.Invariant($"DataPulse answered {(int)e.StatusCode}"), e.Error.Message), e.TraceId),
        // The SDK's message already names the failure ("… timed out: …", "… could not reach DataPulse at …"): no prefix.
        DataPulseTimeoutException e => new("timeout", ExitCodes.Timeout, e.Message),
        DataPulseConnectionException e => new("connection_failed", ExitCodes.Connection, e.Message),
        ArgumentException e => new("invalid_input", ExitCodes.BadRequest, $"Invalid input: {CallerMessage.Of(e)}"),
        DataPulseReportFailedException e => new("unexpected", ExitCodes.Unexpected, e.Message, e.TraceId),
        DataPulseException e => new("unexpected", ExitCodes.Unexpected, e.Message),
        _ => new("unexpected", ExitCodes.Unexpected, $"Unexpected error: {exception.Message}"),
    };

    /// <summary>"What: the server's message", or "What." when the server said nothing more than what itself ("Not found.").</summary>
    private static string Said(string what, string? serverMessage)
    {
        var said = serverMessage?.Trim();
        return string.IsNullOrEmpty(said) || string.Equals(said.TrimEnd('.'), what, StringComparison.OrdinalIgnoreCase)
            ? what + "."
            : $"{what}: {said}";
    }

    /// <summary>The CLI's own sentence, then the server's message when it sent one.</summary>
    private static string Then(string sentence, string? serverMessage) =>
        string.IsNullOrWhiteSpace(serverMessage) ? sentence : $"{sentence} {serverMessage.Trim()}";
}
