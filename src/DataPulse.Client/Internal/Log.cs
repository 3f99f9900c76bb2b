using Microsoft.Extensions.Logging;

namespace DataPulse.Client.Internal;

/// <summary>The SDK's log messages. None of them carries the API key or a request body.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "Retrying", Level = LogLevel.Warning,
        Message = "DataPulse {Operation}: attempt {Attempt} failed with {Status}; retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string status, double delayMs);

    [LoggerMessage(EventId = 1002, EventName = "UnknownKeyPrefix", Level = LogLevel.Warning,
        Message = "The DataPulse API key does not start with dp_live_sk_ or dp_test_sk_; it is sent as given")]
    public static partial void UnknownKeyPrefix(ILogger logger);
}
