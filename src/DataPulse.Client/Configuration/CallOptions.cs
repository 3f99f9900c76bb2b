namespace DataPulse.Client.Configuration;

/// <summary>
/// A checked copy of a call's <see cref="DataPulseRequestOptions"/>, taken before anything is sent and carried to the call
/// path on the request (<c>Pipeline/CallHandler</c>), so that changing the caller's object during the call changes nothing.
/// </summary>
internal sealed class CallOptions
{
    private CallOptions(DataPulseRequestOptions options)
    {
        Timeout = options.Timeout;
        AttemptTimeout = options.AttemptTimeout;
        MaxRetries = options.MaxRetries;
        IdempotencyKey = options.IdempotencyKey;
        Headers = options.Headers.Count == 0 ? null : [.. options.Headers];
    }

    public TimeSpan? Timeout { get; }

    public TimeSpan? AttemptTimeout { get; }

    public int? MaxRetries { get; }

    public string? IdempotencyKey { get; }

    /// <summary>The extra headers, or null for none.</summary>
    public KeyValuePair<string, string>[]? Headers { get; }

    /// <summary>The checked copy, or null when the call has no options.</summary>
    /// <param name="requestOptions">The caller's options.</param>
    /// <param name="sendsPost">Whether the operation sends a <c>POST</c> (the only request an idempotency key goes on).</param>
    /// <exception cref="ArgumentException">One listing every problem; nothing is sent.</exception>
    public static CallOptions? From(DataPulseRequestOptions? requestOptions, bool sendsPost)
    {
        if (requestOptions is null)
        {
            return null;
        }

        var problems = DataPulseRequestOptionsValidator.Validate(requestOptions, sendsPost);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid DataPulse request options: " + string.Join(" ", problems), nameof(requestOptions));
        }

        return new CallOptions(requestOptions);
    }
}
