using System.Diagnostics.Tracing;
using System.Globalization;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// Samples allocations through the runtime's GCAllocationTick events: one event each time about 100 KB more was
/// allocated, naming the type (and size) of the object that crossed the mark, and whether it went to the large-object
/// heap. Over many calls, the ticks per type are proportional to the bytes allocated per type.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly List<(bool Large, string Type, long Size)> _ticks = [];
    private volatile bool _recording;

    /// <summary>Warms <paramref name="call"/> up, then samples <paramref name="calls"/> calls of it: bytes per call and the ticks.</summary>
    public static async Task<(double BytesPerCall, List<(bool Large, string Type, long Size)> Ticks)> SampleAsync(Func<Task> call, int warmup, int calls)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call();
        }

        using var sampler = new AllocationSampler();
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        sampler.Start();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var perCall = (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / calls;
        // The runtime delivers its events to listeners a little late.
        await Task.Delay(TimeSpan.FromMilliseconds(1500), TimeProvider.System);
        return (perCall, sampler.Stop());
    }

    public void Start() => _recording = true;

    public List<(bool Large, string Type, long Size)> Stop()
    {
        _recording = false;
        lock (_ticks)
        {
            return [.. _ticks];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // GC keyword (0x1), verbose: includes GCAllocationTick.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        var kind = Convert.ToInt32(eventData.Payload![eventData.PayloadNames.IndexOf("AllocationKind")], CultureInfo.InvariantCulture);
        var typeIndex = eventData.PayloadNames.IndexOf("TypeName");
        var type = typeIndex >= 0 ? eventData.Payload[typeIndex]?.ToString() ?? "?" : "?";
        var sizeIndex = eventData.PayloadNames.IndexOf("ObjectSize");
        var size = sizeIndex >= 0 ? Convert.ToInt64(eventData.Payload[sizeIndex], CultureInfo.InvariantCulture) : 0;
        lock (_ticks)
        {
            _ticks.Add((kind == 1, type, size));
        }
    }
}
