namespace DataPulse.Client;

/// <summary>
/// The rate-limit window as an answer's <c>X-RateLimit-*</c> headers describe it. The headers are hints: a value is null
/// when its header was absent, malformed or negative, or when <c>Remaining</c> exceeded <c>Limit</c>.
/// </summary>
public sealed record RateLimitInfo
{
    /// <summary>No rate-limit headers were present.</summary>
    public static RateLimitInfo None { get; } = new();

    /// <summary>Requests allowed in the current window (<c>X-RateLimit-Limit</c>).</summary>
    public long? Limit { get; init; }

    /// <summary>Requests left in the current window (<c>X-RateLimit-Remaining</c>).</summary>
    public long? Remaining { get; init; }

    /// <summary>
    /// When the current window resets, on this machine's clock (<c>X-RateLimit-Reset</c>, sent as Unix seconds or as
    /// seconds from now). It may be in the past when a cache or gateway repeats a stale value; servers with sliding windows or
    /// token buckets move it. Do not assume the whole limit is back then.
    /// </summary>
    public DateTimeOffset? ResetsAt { get; init; }
}
