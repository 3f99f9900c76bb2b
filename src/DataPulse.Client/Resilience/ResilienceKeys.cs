using Polly;

namespace DataPulse.Client.Resilience;

/// <summary>What the SDK's strategies share through a call's <see cref="ResilienceContext"/>.</summary>
internal static class ResilienceKeys
{
    public static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("DataPulse.Request");

    public static readonly ResiliencePropertyKey<bool> OverallTimeoutFired = new("DataPulse.OverallTimeoutFired");
}
