using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataPulse.Client.Http;

namespace DataPulse.Client.Internal;

/// <summary>
/// The SDK's meter and activity source, both named <c>DataPulse.Client</c>, and the per-operation state the telemetry
/// handler shares with the retry strategy. Near free with no listener attached.
/// </summary>
internal static class DataPulseTelemetry
{
    public const string Name = "DataPulse.Client";

    public static readonly Meter Meter = new(Name, UserAgent.SdkVersion);

    public static readonly ActivitySource ActivitySource = new(Name, UserAgent.SdkVersion);

    // Set by TelemetryHandler for the duration of one operation; flows into the retry strategy's OnRetry callback,
    // which runs inside the same asynchronous call, so retries count towards the operation without a handle on it.
    private static readonly AsyncLocal<OperationTelemetry?> CurrentOperation = new();

    public static OperationTelemetry? Current
    {
        get => CurrentOperation.Value;
        set => CurrentOperation.Value = value;
    }

    /// <summary>Records that the retry strategy is about to retry an attempt that ended with <paramref name="status"/>.</summary>
    public static void RecordRetry(string operation, string status)
    {
        var current = CurrentOperation.Value;
        (current?.Metrics ?? DataPulseMetrics.Default).RecordRetry(operation, status);
        current?.OnRetry(status);
    }
}
