using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// Counts and logs what pacing and the retry budget do. A hold a caller would notice (over a second), a probe and a call
/// refused without being sent are logged at Information or Warning, once per window for the holds, so that a paced call
/// never looks like a slow server; short waits are logged at Debug.
/// </summary>
internal static class RateLimitTelemetry
{
    /// <summary>An attempt held back: until <paramref name="hold"/> ends, or (when null) until the next answer.</summary>
    public static void RecordPacedWait(ILogger logger, DataPulseMetrics metrics, string operation, HttpRequestMessage? request, TimeSpan? hold, bool noticeable)
    {
        if (noticeable && logger.IsEnabled(LogLevel.Information))
        {
            Log.RateLimitHold(logger, operation, hold!.Value.TotalMilliseconds);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            if (hold is { } wait)
            {
                Log.PacedWait(logger, operation, wait.TotalMilliseconds);
            }
            else
            {
                Log.WaitingForAnswer(logger, operation);
            }
        }

        metrics.RecordPacedWait(operation, request);
    }

    public static void RecordProbe(ILogger logger, DataPulseMetrics metrics, string operation, HttpRequestMessage? request, TimeSpan hold, RateLimitHoldReason reason)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            Log.RateLimitProbe(logger, operation, hold.TotalSeconds, reason == RateLimitHoldReason.Paused ? "a 429's Retry-After" : "Remaining 0 until its reset");
        }

        metrics.RecordRateLimitProbe(operation, request);
    }

    public static void RecordProbeAnswer(ILogger logger, string operation, int? status)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            Log.RateLimitProbeAnswered(logger, operation, status);
        }
    }

    public static void RecordRefusal(ILogger logger, DataPulseMetrics metrics, string operation, HttpRequestMessage? request, TimeSpan hold, bool newHold)
    {
        if (newHold && logger.IsEnabled(LogLevel.Warning))
        {
            Log.RateLimitRefusing(logger, operation, hold.TotalSeconds);
        }

        metrics.RecordRateLimitRefusal(operation, request);
    }

    public static void RecordBudgetRefusal(ILogger logger, DataPulseMetrics metrics, string operation, HttpRequestMessage? request, double tokensLeft, double maxTokens)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            Log.RetryBudgetRefused(logger, operation, tokensLeft, maxTokens);
        }

        metrics.RecordRetryBudgetRefusal(operation, request);
    }
}
