namespace DataPulse.Client.RateLimiting;

/// <summary>The answer of <see cref="IRateLimitStore.AcquireAsync"/>: go, ask again at <see cref="RetryAt"/>, or the window is not known yet.</summary>
public readonly record struct RateLimitGrant
{
    private RateLimitGrant(RateLimitGrantStatus status, DateTimeOffset? retryAt)
    {
        Status = status;
        RetryAt = retryAt;
    }

    /// <summary>The request may go now.</summary>
    public static RateLimitGrant Granted { get; } = new(RateLimitGrantStatus.Granted, null);

    /// <summary>No answer has told the window yet.</summary>
    public static RateLimitGrant WindowUnknown { get; } = new(RateLimitGrantStatus.WindowUnknown, null);

    /// <summary>What was decided.</summary>
    public RateLimitGrantStatus Status { get; }

    /// <summary>When to ask again, for <see cref="RateLimitGrantStatus.Wait"/>; otherwise null.</summary>
    public DateTimeOffset? RetryAt { get; }

    /// <summary>The window is spent or paused until <paramref name="retryAt"/>.</summary>
    /// <param name="retryAt">When to ask again.</param>
    /// <returns>A <see cref="RateLimitGrantStatus.Wait"/> grant.</returns>
    public static RateLimitGrant WaitUntil(DateTimeOffset retryAt) => new(RateLimitGrantStatus.Wait, retryAt);
}
