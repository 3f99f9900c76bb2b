namespace DataPulse.Client.Resilience;

/// <summary>The retry settings of one client, taken from its options once.</summary>
internal sealed class RetryRules(TimeProvider timeProvider, TimeSpan maxRetryAfter, TimeSpan baseDelay)
{
    public TimeProvider TimeProvider { get; } = timeProvider;

    public TimeSpan MaxRetryAfter { get; } = maxRetryAfter;

    public TimeSpan Backoff(int retryIndex) =>
        RetryBackoff.Delay(retryIndex, baseDelay, DataPulseClientOptions.MaxBackoffDelay, Random.Shared.NextDouble());
}
