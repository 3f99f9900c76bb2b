namespace DataPulse.Client.RateLimiting;

/// <summary>What became of a request <see cref="IRateLimitStore.AcquireAsync"/> let go, for <see cref="IRateLimitStore.RecordAsync"/>.</summary>
/// <param name="LeaseId">The id the request was granted under.</param>
/// <param name="SentAt">When it was granted: an answer ends a pause only for a request sent after the pause began.</param>
/// <param name="Now">When the answer arrived (or the request gave up).</param>
/// <param name="Answered">Whether the server answered at all; false for a broken connection or a timeout.</param>
/// <param name="TooManyRequests">Whether the answer was 429.</param>
/// <param name="RetryAfter">The answer's <c>Retry-After</c>, when a 429 carried one.</param>
/// <param name="Window">The answer's <c>X-RateLimit-*</c> headers, read as hints.</param>
/// <param name="GrantedWith">The server's words the store granted the request under, so that a refilling window can be told from a fixed one.</param>
public readonly record struct RateLimitAnswer(
    long LeaseId, DateTimeOffset SentAt, DateTimeOffset Now, bool Answered, bool TooManyRequests, TimeSpan? RetryAfter, RateLimitInfo Window, RateLimitGrant GrantedWith);
