using Polly;

namespace DataPulse.Client.Resilience;

/// <summary>What the SDK's strategies share through a call's <see cref="ResilienceContext"/>.</summary>
internal static class ResilienceKeys
{
    public static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("DataPulse.Request");

    public static readonly ResiliencePropertyKey<bool> OverallTimeoutFired = new("DataPulse.OverallTimeoutFired");

    /// <summary>When the call started (a <see cref="TimeProvider.GetTimestamp"/> value), to tell how much of the overall deadline is left.</summary>
    public static readonly ResiliencePropertyKey<long> StartedAt = new("DataPulse.StartedAt");
}
