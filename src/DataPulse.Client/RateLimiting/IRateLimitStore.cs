namespace DataPulse.Client.RateLimiting;

/// <summary>
/// Where clients keep what the server said about its rate limit (its <c>X-RateLimit-*</c> window, a 429's pause), the
/// requests let go and not yet answered, and the retry budget, so that every client on one API key and base address (in
/// one process, or across a fleet with a shared store such as <c>DataPulse.Client.Redis</c>) paces as one. Set it on
/// <see cref="DataPulseClientOptions.RateLimitStore"/>; leave that null for the in-process store.
/// </summary>
/// <remarks>
/// <para>
/// The rules, which every store must follow exactly (the in-process <see cref="InMemoryRateLimitStore"/> is the reference;
/// the Redis store runs the same rules as Lua scripts): a request is held only on the server's own words (a pause from a
/// 429's <c>Retry-After</c>, or <c>Remaining: 0</c> until a reset still ahead); a hold longer than the request may wait
/// refuses it, except for one probe per interval, whose answer ends or renews the hold; otherwise a request may go while
/// fewer requests are out than the server said remain (four before the first answer), or when the asking process has none
/// out at all. Each member is atomic per scope and safe to call concurrently; times come from the client's
/// <see cref="DataPulseClientOptions.TimeProvider"/>, so a store keeps no clock of its own.
/// </para>
/// <para>
/// A scope names one window: the base address and a hash of the API key, never the key itself. When a member throws, the
/// client carries on with its in-process store and logs one warning (at most once a minute), so an unreachable store
/// never fails a call; it tries the store again a few seconds later.
/// </para>
/// </remarks>
public interface IRateLimitStore
{
    /// <summary>Decides whether a request may go now on <paramref name="scope"/>, and if not, when to ask again.</summary>
    /// <param name="scope">The window's name.</param>
    /// <param name="request">The request and the asking process's view.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decision; a request granted (or let go as a probe) is counted as out until its answer is recorded.</returns>
    ValueTask<RateLimitGrant> AcquireAsync(string scope, RateLimitRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records what became of a request <see cref="AcquireAsync"/> let go: its answer, or that none arrived.</summary>
    /// <param name="scope">The window's name.</param>
    /// <param name="answer">What the server said, if anything.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the answer is recorded.</returns>
    ValueTask RecordAsync(string scope, RateLimitAnswer answer, CancellationToken cancellationToken = default);

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
