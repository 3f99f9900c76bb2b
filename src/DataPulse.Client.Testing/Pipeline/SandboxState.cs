using DataPulse.Client.Testing.Data;
using DataPulse.Client.Testing.Reports;
using DataPulse.Client.Testing.Scenarios;

namespace DataPulse.Client.Testing.Pipeline;

/// <summary>Everything one sandbox remembers between requests. Each part guards itself; this class only holds them.</summary>
internal sealed class SandboxState
{
    private readonly object _gate = new();
    private readonly List<SandboxRequest> _received = [];
    private long _sequence;

    public SandboxState(DataPulseSandboxOptions options)
    {
        Options = options;
        RateLimit = new RateLimitWindow(options.RateLimitPerMinute, options.TimeProvider);
    }

    public DataPulseSandboxOptions Options { get; }

    public ScenarioState Scenarios { get; } = new();

    public RateLimitWindow RateLimit { get; }

    public ReportStore Reports { get; } = new();

    public ScheduleStore Schedules { get; } = new();

    /// <summary>A deterministic trace id: the n-th request of this sandbox.</summary>
    public string NextTraceId()
    {
        var n = Interlocked.Increment(ref _sequence);
        return FormattableString.Invariant($"trc_sbx{n:x6}");
    }

    public void Record(SandboxRequest request)
    {
        lock (_gate)
        {
            _received.Add(request);
        }
    }

    public IReadOnlyList<SandboxRequest> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _received.Clear();
        }

        Interlocked.Exchange(ref _sequence, 0);
        Scenarios.Reset();
        RateLimit.Reset();
        Reports.Reset();
        Schedules.Reset();
    }
}
