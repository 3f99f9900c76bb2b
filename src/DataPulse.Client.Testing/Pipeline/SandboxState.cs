using DataPulse.Client.Testing.Data;
using DataPulse.Client.Testing.RateLimiting;
using DataPulse.Client.Testing.Reports;
using DataPulse.Client.Testing.RequestLog;
using DataPulse.Client.Testing.Scenarios;

namespace DataPulse.Client.Testing.Pipeline;

/// <summary>Everything one sandbox remembers between requests. Each part guards itself; this class only holds them.</summary>
internal sealed class SandboxState
{
    private long _sequence;

    public SandboxState(DataPulseSandboxOptions options)
    {
        Options = options;
        RateLimit = options.EnforcedRateLimit is { } enforced
            ? new FixedWindowCounter(enforced.PermitLimit, enforced.Window, options.TimeProvider, enforce: true)
            : new FixedWindowCounter(options.RateLimitPerMinute, TimeSpan.FromMinutes(1), options.TimeProvider, enforce: false);
    }

    public DataPulseSandboxOptions Options { get; }

    public ScenarioState Scenarios { get; } = new();

    public FixedWindowCounter RateLimit { get; }

    public ReportStore Reports { get; } = new();

    public ScheduleStore Schedules { get; } = new();

    public ReceivedRequestLog Received { get; } = new();

    /// <summary>A deterministic trace id: the n-th request of this sandbox.</summary>
    public string NextTraceId()
    {
        var n = Interlocked.Increment(ref _sequence);
        return FormattableString.Invariant($"trc_sbx{n:x6}");
    }

    public void Reset()
    {
        Received.Clear();
        Interlocked.Exchange(ref _sequence, 0);
        Scenarios.Reset();
        RateLimit.Reset();
        Reports.Reset();
        Schedules.Reset();
    }
}
