namespace DataPulse.Client.RateLimiting;

/// <summary>Which of the server's words holds requests back.</summary>
public enum RateLimitHoldReason
{
    /// <summary>Nothing holds them.</summary>
    None = 0,

    /// <summary><c>X-RateLimit-Remaining: 0</c> until a reset still ahead (or, for a window that refills, until the next request is due).</summary>
    WindowSpent = 1,

    /// <summary>A 429's <c>Retry-After</c>.</summary>
    Paused = 2,
}
