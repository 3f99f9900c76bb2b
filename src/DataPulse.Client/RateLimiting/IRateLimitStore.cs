namespace DataPulse.Client.RateLimiting;

/// <summary>
/// Where clients keep the rate-limit window the server reports and the retry budget, so that every client on one API key
/// and base address (in one process by default, or across a fleet with a shared store such as
/// <c>DataPulse.Client.Redis</c>) paces against the same numbers. Set it on
/// <see cref="DataPulseClientOptions.RateLimitStore"/>; leave that null for the in-process store.
/// </summary>
/// <remarks>
/// <para>
/// A scope names one window: the base address and a hash of the API key, never the key itself. Every
/// member must be atomic per scope and safe to call concurrently. Times come from the client's
/// <see cref="DataPulseClientOptions.TimeProvider"/>, so a store keeps no clock of its own.
/// </para>
/// <para>
/// When a member throws, the client carries on with its in-process store and logs one warning (at most once a minute),
/// so an unreachable store never fails a call; it tries the store again a few seconds later.
/// </para>
/// </remarks>
public interface IRateLimitStore
{
    /// <summary>
    /// Takes one request from the window of <paramref name="scope"/>, or says when to ask again: at the window's reset
    /// when it is spent, at the end of a pause a 429 asked for, or <see cref="RateLimitGrant.WindowUnknown"/> when no answer
    /// has told the window yet.
    /// </summary>
    /// <param name="scope">The window's name.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decision.</returns>
    ValueTask<RateLimitGrant> AcquireAsync(string scope, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records what an answer's <c>X-RateLimit-*</c> headers said. Within one window the lower remaining count wins (it
    /// also counts requests granted but not yet answered); an answer about a later window starts it; one about an earlier
    /// or already reset window is ignored.
    /// </summary>
    /// <param name="scope">The window's name.</param>
    /// <param name="window">The answer's rate-limit headers.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the window is recorded.</returns>
    ValueTask RecordWindowAsync(string scope, RateLimitInfo window, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Holds every request of <paramref name="scope"/> until <paramref name="until"/> (a 429's <c>Retry-After</c>); a later pause wins.</summary>
    /// <param name="scope">The window's name.</param>
    /// <param name="until">When requests may go again.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the pause is recorded.</returns>
    ValueTask PauseAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="change"/> (negative for a failure) to the retry budget <paramref name="budget"/>, which starts
    /// full at <paramref name="maxTokens"/> and stays between 0 and <paramref name="maxTokens"/>.
    /// </summary>
    /// <param name="budget">The budget's name: a window's scope and the budget's settings.</param>
    /// <param name="change">Tokens to add or (when negative) take.</param>
    /// <param name="maxTokens">The budget's size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens left after the change.</returns>
    ValueTask<double> UpdateRetryTokensAsync(string budget, double change, double maxTokens, CancellationToken cancellationToken = default);
}
