namespace DataPulse.Client.RateLimiting;

/// <summary>What <see cref="IRateLimitStore.AcquireAsync"/> decided.</summary>
public enum RateLimitGrantStatus
{
    /// <summary>The request may go now; it counts as out until its answer is recorded.</summary>
    Granted = 0,

    /// <summary>The request goes now as the one probe of its interval, although a long hold refuses every other one.</summary>
    Probe = 1,

    /// <summary>As many requests are out as the server said remain: ask again when one of the asking process's is answered.</summary>
    WaitForAnswer = 2,

    /// <summary>The server's words hold every request until <see cref="RateLimitGrant.RetryAt"/>, within the request's wait: ask again then, or at the next answer.</summary>
    WaitUntil = 3,

    /// <summary>The server's words hold every request for longer than this one may wait: it is not sent.</summary>
    Refused = 4,
}
