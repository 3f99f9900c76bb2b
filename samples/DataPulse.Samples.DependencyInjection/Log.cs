using DataPulse.Client.Analytics;
using Microsoft.Extensions.Logging;

namespace DataPulse.Samples.DependencyInjection;

/// <summary>The sample's log messages, source-generated: no boxing, and nothing formatted when the level is off.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "No DataPulse:ApiKey configured: using the in-process sandbox at {BaseAddress}")]
    public static partial void UsingSandbox(this ILogger logger, Uri baseAddress);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Customer {CustomerId}: segments [{Segments}], lifetime value {LifetimeValue:N2}, churn probability {ChurnProbability:P0}")]
    public static partial void CustomerRead(this ILogger logger, string customerId, IReadOnlyList<string> segments, decimal lifetimeValue, double? churnProbability);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "KPIs ({Period}) #{Iteration}: revenue {Revenue:N0}, active users {ActiveUsers:N0}, conversion {ConversionRate:P1}, churn risk {ChurnRisk}, trend {Trend}")]
    public static partial void KpisRead(this ILogger logger, KpiPeriod period, int iteration, decimal revenue, long activeUsers, double conversionRate, ChurnRisk churnRisk, Trend trend);

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished {Iterations} KPI read(s) as configured; stopping the host")]
    public static partial void Finished(this ILogger logger, int iterations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation}: rate limited by DataPulse; waiting {Wait} before the next call")]
    public static partial void RateLimited(this ILogger logger, string operation, TimeSpan wait);

    // The exception's message names the operation, the status and the trace id to quote to support (never the key);
    // the stack trace would add nothing for an API error, so only the message is logged.
    [LoggerMessage(Level = LogLevel.Error, Message = "{Operation} failed: {Reason}")]
    public static partial void CallFailed(this ILogger logger, string operation, string reason);
}
