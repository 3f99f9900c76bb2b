namespace DataPulse.Client;

/// <summary>
/// 429: too many requests. Thrown after the client's retries are spent, or at once when the server asks for a wait
/// longer than <see cref="DataPulseClientOptions.MaxRetryAfter"/>. <see cref="RetryAfter"/> says how long to wait.
/// </summary>
public sealed class DataPulseRateLimitException : DataPulseApiException
{
    /// <summary>Creates the exception for a 429 answer.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="error">What the API answered.</param>
    /// <param name="retryAfter">How long the server asked the client to wait, when it said.</param>
    /// <param name="rateLimit">The rate-limit headers of the answer.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public DataPulseRateLimitException(string message, DataPulseApiError error, TimeSpan? retryAfter, RateLimitInfo? rateLimit = null, string? operation = null)
        : base(message, error, operation)
    {
        RetryAfter = retryAfter;
        RateLimit = rateLimit ?? RateLimitInfo.None;
    }

    /// <summary>How long the server asked the client to wait before the next call (from <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The rate-limit window as the answer's <c>X-RateLimit-*</c> headers describe it.</summary>
    public RateLimitInfo RateLimit { get; }
}
