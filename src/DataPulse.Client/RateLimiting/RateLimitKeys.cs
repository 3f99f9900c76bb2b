using Polly;

namespace DataPulse.Client.RateLimiting;

/// <summary>What the pacer and the retry budget note in a call's <see cref="ResilienceContext"/>.</summary>
internal static class RateLimitKeys
{
    /// <summary>Set when the retry budget refused a retry the retry table allowed.</summary>
    public static readonly ResiliencePropertyKey<bool> RetryBudgetRefused = new("DataPulse.RetryBudgetRefused");
}
