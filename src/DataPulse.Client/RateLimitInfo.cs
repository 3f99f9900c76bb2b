namespace DataPulse.Client;

/// <summary>The rate-limit window as an answer's <c>X-RateLimit-*</c> headers describe it; a value is null when its header was absent.</summary>
public sealed record RateLimitInfo
{
    /// <summary>No rate-limit headers were present.</summary>
    public static RateLimitInfo None { get; } = new();

    /// <summary>Requests allowed in the current window (<c>X-RateLimit-Limit</c>).</summary>
    public long? Limit { get; init; }

    /// <summary>Requests left in the current window (<c>X-RateLimit-Remaining</c>).</summary>
    public long? Remaining { get; init; }

    /// <summary>When the current window resets (<c>X-RateLimit-Reset</c>, sent as Unix seconds).</summary>
    public DateTimeOffset? ResetsAt { get; init; }
}
