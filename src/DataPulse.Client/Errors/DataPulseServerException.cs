namespace DataPulse.Client;

/// <summary>A 5xx answer: the API failed. Quote <see cref="DataPulseApiException.TraceId"/> to DataPulse support. 502, 503 and 504 are retried; 500 only for calls that are safe to repeat.</summary>
public sealed class DataPulseServerException : DataPulseApiException
{
    /// <summary>Creates the exception for a 5xx answer.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="error">What the API answered.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <param name="retryAfter">How long the server asked the client to wait (a 503's <c>Retry-After</c>), when it said.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public DataPulseServerException(string message, DataPulseApiError error, string? operation = null, TimeSpan? retryAfter = null)
        : base(message, error, operation)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// How long the server asked the client to wait before trying again (<c>Retry-After</c>, sent with some 503s), when
    /// it said. Set when the wait was longer than <see cref="DataPulseClientOptions.MaxRetryAfter"/> and so not waited out.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
