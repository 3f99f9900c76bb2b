namespace DataPulse.Client.Resilience;

/// <summary>
/// The wait before a retry when the server gives no <c>Retry-After</c>: exponential with "equal jitter". Retry
/// <c>n</c> (0 for the first) waits a random time from half of <c>min(baseDelay × 2^n, maxDelay)</c> up to (not
/// including) all of it, so waits grow, spread out across clients, and never exceed the cap.
/// Polly's built-in exponential jitter (decorrelated) has no simple documented lower or upper bound per attempt; this one does.
/// </summary>
internal static class RetryBackoff
{
    /// <param name="retryIndex">0 for the first retry.</param>
    /// <param name="baseDelay">The first retry's ceiling.</param>
    /// <param name="maxDelay">The ceiling no wait exceeds.</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(int retryIndex, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        // In doubles, so a large retry index saturates at the cap instead of overflowing.
        var ceiling = Math.Min(baseDelay.Ticks * Math.Pow(2, Math.Max(retryIndex, 0)), maxDelay.Ticks);
        var jittered = ceiling * (0.5 + (0.5 * Math.Clamp(random, 0, 1)));
        return TimeSpan.FromTicks((long)Math.Min(jittered, maxDelay.Ticks));
    }
}
