namespace DataPulse.Client;

/// <summary>
/// Why the client itself, rather than the server's last answer alone, ended a call: carried by every
/// <see cref="DataPulseException"/> as <see cref="DataPulseException.ClientReason"/>, and said in its message.
/// </summary>
public enum DataPulseClientReason
{
    /// <summary>The call ended on the server's answer, or on the lack of one.</summary>
    None = 0,

    /// <summary>
    /// A retry the retry table allowed was not made: the client's retry budget is spent after many recent failures on
    /// this API key (see <see cref="DataPulseClientOptions.RetryBudget"/>), so calls fail fast until the service answers.
    /// </summary>
    RetryBudgetSpent = 1,

    /// <summary>
    /// Nothing was sent: the server said the API key's rate-limit window is spent (<c>X-RateLimit-Remaining: 0</c>) until a
    /// reset further away than the client may wait.
    /// </summary>
    RateLimitWindowSpent = 2,

    /// <summary>
    /// Nothing was sent: a 429's <c>Retry-After</c> pauses every call on this API key and base address for longer than the
    /// client may wait. The client asks the server again at intervals, so the pause ends as soon as the server lifts it.
    /// </summary>
    RateLimitPaused = 3,
}
