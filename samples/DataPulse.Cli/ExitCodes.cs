using DataPulse.Client;

namespace DataPulse.Cli;

/// <summary>One exit code per kind of failure, and a one-line message for each.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Unexpected = 1;
    public const int BadRequest = 2;
    public const int Authentication = 3;
    public const int NotFound = 4;
    public const int PermissionDenied = 5;
    public const int RateLimited = 6;
    public const int ServerError = 7;
    public const int Connection = 8;
    public const int Timeout = 9;
    public const int OtherApiError = 10;

    public static int Report(Exception exception)
    {
        var (code, message) = exception switch
        {
            DataPulseRateLimitException e => (RateLimited, e.RetryAfter is { } wait
                ? $"Rate limited: retry in {wait.TotalSeconds:0} s (after {TimeProvider.System.GetLocalNow() + wait:HH:mm:ss})."
                : "Rate limited: retry in a little while."),
            DataPulseServerException e => (ServerError, $"DataPulse had a server error ({(int)e.StatusCode}); quote trace id {e.TraceId ?? "(none)"} to support."),
            DataPulseAuthenticationException e => (Authentication, $"Authentication failed: check DATAPULSE_API_KEY. {e.Error.Message}"),
            DataPulsePermissionDeniedException e => (PermissionDenied, $"Permission denied: this key may not do that. {e.Error.Message}"),
            DataPulseNotFoundException e => (NotFound, $"Not found: {e.Error.Message}"),
            DataPulseBadRequestException e => (BadRequest, e.Param is { } param ? $"Bad request ({param}): {e.Error.Message}" : $"Bad request: {e.Error.Message}"),
            DataPulseApiException e => (OtherApiError, $"DataPulse answered {(int)e.StatusCode}: {e.Error.Message ?? e.Message}"),
            DataPulseTimeoutException e => (Timeout, $"Timed out: {e.Message}"),
            DataPulseConnectionException e => (Connection, $"Could not reach DataPulse: {e.Message}"),
            ArgumentException e => (BadRequest, $"Invalid input: {e.Message}"),
            DataPulseException e => (Unexpected, e.Message),
            _ => (Unexpected, $"Unexpected error: {exception.Message}"),
        };
        Console.Error.WriteLine(message);
        return code;
    }
}
