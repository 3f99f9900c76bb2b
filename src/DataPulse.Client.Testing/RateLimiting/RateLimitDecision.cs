namespace DataPulse.Client.Testing.RateLimiting;

/// <summary>What the window said about one request, and what its <c>X-RateLimit-*</c> and <c>Retry-After</c> headers say.</summary>
internal readonly record struct RateLimitDecision(bool Admitted, int Limit, int Remaining, DateTimeOffset ResetsAt, TimeSpan UntilReset)
{
    /// <summary><c>X-RateLimit-Reset</c>: Unix seconds, rounded up.</summary>
    public long ResetUnixSeconds => CeilingSeconds(ResetsAt - DateTimeOffset.UnixEpoch);

    /// <summary><c>Retry-After</c>: whole seconds until the reset, rounded up (at least 1 while the reset is still ahead).</summary>
    public long RetryAfterSeconds => CeilingSeconds(UntilReset);

    private static long CeilingSeconds(TimeSpan span) => (span.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
}
