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

    /// <summary>At the level <see cref="CallTelemetry.FailureLevel"/> chooses: Information for a 4xx the caller handles, else Warning.</summary>
    [LoggerMessage(EventId = 1004, EventName = "OperationFailed",
        Message = "DataPulse {Operation} {Method} {Path} failed with {ErrorType} (status {StatusCode}) in {DurationMs} ms after {Attempts} attempt(s); trace id {TraceId}")]
    public static partial void OperationFailed(
        ILogger logger, LogLevel level, string operation, string method, string path, string errorType, string statusCode, double durationMs, int attempts, string traceId, Exception exception);

    [LoggerMessage(EventId = 1005, EventName = "OperationCanceled", Level = LogLevel.Debug,
        Message = "DataPulse {Operation} {Method} {Path} was canceled by the caller after {DurationMs} ms and {Attempts} attempt(s)")]
    public static partial void OperationCanceled(ILogger logger, string operation, string method, string path, double durationMs, int attempts);

    [LoggerMessage(EventId = 1006, EventName = "Body", Level = LogLevel.Debug,
        Message = "DataPulse {Operation} {Direction} body ({MediaType}, {Length} characters, first {Shown} shown): {Body}")]
    public static partial void Body(ILogger logger, string operation, string direction, string? mediaType, int length, int shown, string body);

    [LoggerMessage(EventId = 1007, EventName = "BodyNotLogged", Level = LogLevel.Debug,
        Message = "DataPulse {Operation} {Direction} body ({MediaType}) is not text and is not logged")]
    public static partial void BodyNotLogged(ILogger logger, string operation, string direction, string? mediaType);

    [LoggerMessage(EventId = 1008, EventName = "PacedWait", Level = LogLevel.Debug,
        Message = "DataPulse {Operation}: the server's rate limit holds calls on this API key; waiting {DelayMs} ms before sending")]
    public static partial void PacedWait(ILogger logger, string operation, double delayMs);

    [LoggerMessage(EventId = 1012, EventName = "RateLimitHold", Level = LogLevel.Information,
        Message = "DataPulse {Operation}: the server's rate limit (Remaining 0 until its reset, or a 429's Retry-After) holds calls on this API key for {DelayMs} ms; waiting instead of drawing 429s")]
    public static partial void RateLimitHold(ILogger logger, string operation, double delayMs);

    [LoggerMessage(EventId = 1013, EventName = "WaitingForAnswer", Level = LogLevel.Debug,
        Message = "DataPulse {Operation}: as many requests are out as the server said remain; sending at the next answer")]
    public static partial void WaitingForAnswer(ILogger logger, string operation);

    [LoggerMessage(EventId = 1014, EventName = "RateLimitProbe", Level = LogLevel.Information,
        Message = "DataPulse {Operation}: the server's rate limit ({Reason}) would hold every call for another {Seconds} s, longer than MaxRetryAfter; this call asks the server whether it still does")]
    public static partial void RateLimitProbe(ILogger logger, string operation, double seconds, string reason);

    [LoggerMessage(EventId = 1015, EventName = "RateLimitProbeAnswered", Level = LogLevel.Information,
        Message = "DataPulse {Operation}: the rate-limit probe was answered with status {Status} (none: no answer)")]
    public static partial void RateLimitProbeAnswered(ILogger logger, string operation, int? status);

    [LoggerMessage(EventId = 1016, EventName = "RateLimitRefusing", Level = LogLevel.Warning,
        Message = "DataPulse {Operation}: the server's rate limit holds every call on this API key for another {Seconds} s, longer than MaxRetryAfter; calls fail fast with DataPulseRateLimitException (one probe per interval asks the server again)")]
    public static partial void RateLimitRefusing(ILogger logger, string operation, double seconds);

    [LoggerMessage(EventId = 1009, EventName = "RetryBudgetRefused", Level = LogLevel.Warning,
        Message = "DataPulse {Operation}: not retried, the retry budget is spent ({TokensLeft} of {MaxTokens} tokens left; retries resume above half)")]
    public static partial void RetryBudgetRefused(ILogger logger, string operation, double tokensLeft, double maxTokens);

    [LoggerMessage(EventId = 1010, EventName = "RateLimitStoreUnavailable", Level = LogLevel.Warning,
        Message = "DataPulse: the shared rate-limit store ({Store}) failed; pacing and the retry budget use this process's own until it answers again (next try in {RetryInSeconds} s)")]
    public static partial void RateLimitStoreUnavailable(ILogger logger, string store, double retryInSeconds, Exception exception);

    [LoggerMessage(EventId = 1011, EventName = "RateLimitStoreRecovered", Level = LogLevel.Information,
        Message = "DataPulse: the shared rate-limit store ({Store}) answers again; pacing and the retry budget use it")]
    public static partial void RateLimitStoreRecovered(ILogger logger, string store);
}
