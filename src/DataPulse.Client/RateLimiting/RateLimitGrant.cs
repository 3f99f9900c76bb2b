namespace DataPulse.Client.RateLimiting;

/// <summary>
/// The answer of <see cref="IRateLimitStore.AcquireAsync"/>, with the server's words it was decided on (for messages, and
/// for <see cref="RateLimitAnswer.GrantedWith"/>).
/// </summary>
/// <param name="Status">What was decided.</param>
/// <param name="RetryAt">For <see cref="RateLimitGrantStatus.WaitUntil"/> and <see cref="RateLimitGrantStatus.Refused"/>: when the hold ends.</param>
/// <param name="Reason">Why the request is held, when it is.</param>
/// <param name="Limit">The server's latest <c>X-RateLimit-Limit</c>, when known.</param>
/// <param name="Remaining">The server's latest <c>X-RateLimit-Remaining</c>, when known.</param>
/// <param name="ResetsAt">The server's latest reset still ahead, when known.</param>
public readonly record struct RateLimitGrant(
    RateLimitGrantStatus Status,
    DateTimeOffset? RetryAt = null,
    RateLimitHoldReason Reason = RateLimitHoldReason.None,
    long? Limit = null,
    long? Remaining = null,
    DateTimeOffset? ResetsAt = null)
{
    /// <summary>Whether the request may go now (granted, or as the interval's probe).</summary>
    public bool IsGranted => Status is RateLimitGrantStatus.Granted or RateLimitGrantStatus.Probe;
}
