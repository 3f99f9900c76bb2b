using Polly;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// The error of a call whose retry the budget refused: the contract's exception for the last answer, with a message that
/// says the retry budget is spent, so nobody hunts for a retry bug in an outage.
/// </summary>
internal static class RetryBudgetRefusal
{
    public const string Note =
        "Not retried: the client's retry budget is spent (too many recent failures on this API key; see DataPulseClientOptions.RetryBudget), so calls fail fast until the service answers again.";

    public static bool WasRefused(ResilienceContext context) =>
        context.Properties.TryGetValue(RateLimitKeys.RetryBudgetRefused, out var refused) && refused;

    /// <summary>The same exception, its message saying the budget is spent.</summary>
    public static Exception Annotate(Exception exception) => exception switch
    {
        DataPulseRateLimitException limited => new DataPulseRateLimitException(With(limited), limited.Error, limited.RetryAfter, limited.RateLimit, limited.Operation),
        DataPulseServerException server => new DataPulseServerException(With(server), server.Error, server.Operation, server.RetryAfter),
        DataPulseConnectionException connection => new DataPulseConnectionException(With(connection), connection.Operation, connection.InnerException),
        DataPulseTimeoutException timeout => new DataPulseTimeoutException(With(timeout), timeout.Kind, timeout.Timeout, timeout.Operation, timeout.InnerException),
        _ => exception,
    };

    private static string With(Exception exception) => exception.Message + " " + Note;
}
