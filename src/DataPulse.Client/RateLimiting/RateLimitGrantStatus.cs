namespace DataPulse.Client.RateLimiting;

/// <summary>What <see cref="IRateLimitStore.AcquireAsync"/> decided.</summary>
public enum RateLimitGrantStatus
{
    /// <summary>The request may go now; it was counted against the window.</summary>
    Granted = 0,

    /// <summary>No answer has told the window yet (or it reset and its size is unknown): the client's slow start decides.</summary>
    WindowUnknown = 1,

    /// <summary>The window is spent, or paused after a 429: ask again at <see cref="RateLimitGrant.RetryAt"/>.</summary>
    Wait = 2,
}
