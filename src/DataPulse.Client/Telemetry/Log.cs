using Microsoft.Extensions.Logging;

namespace DataPulse.Client.Telemetry;

/// <summary>
/// The SDK's log messages, category <c>DataPulse.Client</c>. None of them carries the API key or the Authorization
/// header; bodies appear only in <see cref="Body"/>, which is written only when <see cref="DataPulseClientOptions.LogBodies"/> is on.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "Retrying", Level = LogLevel.Warning,
        Message = "DataPulse {Operation}: attempt {Attempt} failed with {Status}; retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string status, double delayMs);

    [LoggerMessage(EventId = 1002, EventName = "UnknownKeyPrefix", Level = LogLevel.Warning,
        Message = "The DataPulse API key does not start with dp_live_sk_ or dp_test_sk_; it is sent as given")]
    public static partial void UnknownKeyPrefix(ILogger logger);

    [LoggerMessage(EventId = 1003, EventName = "OperationSucceeded", Level = LogLevel.Information,
        Message = "DataPulse {Operation} {Method} {Path} answered {StatusCode} in {DurationMs} ms after {Attempts} attempt(s); trace id {TraceId}")]
    public static partial void OperationSucceeded(
        ILogger logger, string operation, string method, string path, int statusCode, double durationMs, int attempts, string? traceId);

    [LoggerMessage(EventId = 1004, EventName = "OperationFailed", Level = LogLevel.Warning,
        Message = "DataPulse {Operation} {Method} {Path} failed with {ErrorType} (status {StatusCode}) in {DurationMs} ms after {Attempts} attempt(s); trace id {TraceId}")]
    public static partial void OperationFailed(
        ILogger logger, string operation, string method, string path, string errorType, string statusCode, double durationMs, int attempts, string traceId, Exception exception);

    [LoggerMessage(EventId = 1005, EventName = "OperationCanceled", Level = LogLevel.Debug,
        Message = "DataPulse {Operation} {Method} {Path} was canceled by the caller after {DurationMs} ms and {Attempts} attempt(s)")]
    public static partial void OperationCanceled(ILogger logger, string operation, string method, string path, double durationMs, int attempts);

    [LoggerMessage(EventId = 1006, EventName = "Body", Level = LogLevel.Debug,
        Message = "DataPulse {Operation} {Direction} body ({MediaType}, {Length} characters, first {Shown} shown): {Body}")]
    public static partial void Body(ILogger logger, string operation, string direction, string? mediaType, int length, int shown, string body);

    [LoggerMessage(EventId = 1007, EventName = "BodyNotLogged", Level = LogLevel.Debug,
        Message = "DataPulse {Operation} {Direction} body ({MediaType}) is not text and is not logged")]
    public static partial void BodyNotLogged(ILogger logger, string operation, string direction, string? mediaType);
}
