namespace DataPulse.Client.Calls;

/// <summary>
/// A call's deadlines and retry limit: the client's (<see cref="DataPulseClientOptions.Timeout"/>,
/// <see cref="DataPulseClientOptions.AttemptTimeout"/>, <see cref="DataPulseClientOptions.MaxRetries"/>), each replaced by
/// the call's own <see cref="DataPulseRequestOptions"/> where it sets one.
/// </summary>
internal readonly record struct CallLimits(TimeSpan Timeout, TimeSpan AttemptTimeout, int MaxRetries)
{
    /// <summary>The setting <see cref="Timeout"/> came from, named by a timeout's message so the caller knows what to raise.</summary>
    public string TimeoutSetting { get; init; } = "DataPulseClientOptions.Timeout";

    /// <summary>The setting <see cref="AttemptTimeout"/> came from.</summary>
    public string AttemptTimeoutSetting { get; init; } = "DataPulseClientOptions.AttemptTimeout";

    public CallLimits With(TimeSpan? timeout, TimeSpan? attemptTimeout, int? maxRetries) =>
        new(timeout ?? Timeout, attemptTimeout ?? AttemptTimeout, maxRetries ?? MaxRetries)
        {
            TimeoutSetting = timeout is null ? TimeoutSetting : "DataPulseRequestOptions.Timeout",
            AttemptTimeoutSetting = attemptTimeout is null ? AttemptTimeoutSetting : "DataPulseRequestOptions.AttemptTimeout",
        };
}
