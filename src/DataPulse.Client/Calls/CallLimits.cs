namespace DataPulse.Client.Calls;

/// <summary>
/// A call's deadlines and retry limit: the client's (<see cref="DataPulseClientOptions.Timeout"/>,
/// <see cref="DataPulseClientOptions.AttemptTimeout"/>, <see cref="DataPulseClientOptions.MaxRetries"/>), each replaced by
/// the call's own <see cref="DataPulseRequestOptions"/> where it sets one.
/// </summary>
internal readonly record struct CallLimits(TimeSpan Timeout, TimeSpan AttemptTimeout, int MaxRetries)
{
    public CallLimits With(TimeSpan? timeout, TimeSpan? attemptTimeout, int? maxRetries) =>
        new(timeout ?? Timeout, attemptTimeout ?? AttemptTimeout, maxRetries ?? MaxRetries);
}
