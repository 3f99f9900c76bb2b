using System.Diagnostics;

namespace DataPulse.Client.Internal;

/// <summary>What the telemetry handler learns about one operation while it runs: its span, its meter, its retries.</summary>
internal sealed class OperationTelemetry(DataPulseMetrics metrics, Activity? activity)
{
    private int _retries;

    public DataPulseMetrics Metrics { get; } = metrics;

    public Activity? Activity { get; } = activity;

    /// <summary>Attempts sent so far: the first plus every retry.</summary>
    public int Attempts => Volatile.Read(ref _retries) + 1;

    public void OnRetry(string status)
    {
        var retry = Interlocked.Increment(ref _retries);
        Activity?.AddEvent(new ActivityEvent("datapulse.retry", tags: new ActivityTagsCollection
        {
            { "datapulse.attempt", retry },
            { "datapulse.status", status },
        }));
    }
}
