using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>Records the DataPulse.Client spans that went to one server port (tests run in parallel).</summary>
public sealed class ActivityCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityCapture(int serverPort)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "DataPulse.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.port") is int port && port == serverPort)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => _stopped.ToList();

    public void Dispose() => _listener.Dispose();
}

/// <summary>One measurement from a DataPulse.Client instrument.</summary>
public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags, Meter Meter);

/// <summary>Records measurements from meters named DataPulse.Client (optionally only those of one meter scope).</summary>
public sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricCapture(object? scope = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "DataPulse.Client" && (scope is null || ReferenceEquals(instrument.Meter.Scope, scope)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> All => _measurements.ToList();

    /// <summary>Measurements of <paramref name="instrument"/> for calls to <paramref name="serverPort"/>.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, int? serverPort = null) =>
        All.Where(m => m.Instrument == instrument && (serverPort is null || (m.Tags.TryGetValue("server.port", out var port) && port is int p && p == serverPort))).ToList();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy, instrument.Meter));
    }
}
