using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.RateLimiting;

/// <summary>Counts and logs paced waits and retry-budget refusals, on the operation's meter.</summary>
internal static class RateLimitTelemetry
{
    public static void RecordPacedWait(ILogger logger, DataPulseMetrics metrics, string operation, HttpRequestMessage? request, TimeSpan wait)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.PacedWait(logger, operation, wait.TotalMilliseconds);
        }

        metrics.RecordPacedWait(operation, request);
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
