using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records every timer the code under test starts (a <c>Task.Delay</c> is one),
/// and can drive a task to completion by jumping straight to the next pending timer: exact, and nothing sleeps.
/// Use it with a client whose retries keep no timers (<c>ResiliencePipeline&lt;HttpResponseMessage&gt;.Empty</c>) and whose
/// deadlines are longer than <see cref="DeadlinesFrom"/>, so every timer it jumps to is one the code under test waits on.
/// </summary>
public sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly List<RecordedTimer> _timers = [];

    public RecordingTimeProvider()
        : base(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Timers this long or longer are deadlines (a call's timeouts), not waits: never jumped to.</summary>
    public static readonly TimeSpan DeadlinesFrom = TimeSpan.FromHours(12);

    /// <summary>The waits jumped over by <see cref="RunAsync{T}"/>, in order.</summary>
    public List<TimeSpan> Waits { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var recorded = new RecordedTimer(this);
        recorded.Inner = base.CreateTimer(
            s =>
            {
                recorded.Fired = true;
                callback(s);
            },
            state,
            dueTime,
            period);
        recorded.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : GetUtcNow() + dueTime;
        lock (_timers)
        {
            _timers.Add(recorded);
        }

        return recorded;
    }

    /// <summary>
    /// Waits (in real time, for I/O) until <paramref name="task"/> completes, and whenever the code under test waits on a
    /// timer, advances the clock exactly to it. Gives up after 10 real seconds.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task)
    {
        var giveUp = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (!task.IsCompleted)
        {
            if (TimeProvider.System.GetUtcNow() > giveUp)
            {
                throw new TimeoutException("The task neither completed nor waited on a timer within 10 seconds.");
            }

            if (NextPending() is { } timer)
            {
                var wait = timer.DueAt!.Value - GetUtcNow();
                Waits.Add(wait);
                Advance(wait);
            }
            else
            {
                await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System));
            }
        }

        return await task;
    }

    /// <summary>Waits (in real time) until the code under test waits on a timer; returns how long that wait is.</summary>
    public async Task<TimeSpan> WaitForPendingTimerAsync()
    {
        var giveUp = TimeProvider.System.GetUtcNow().AddSeconds(10);
        RecordedTimer? timer;
        while ((timer = NextPending()) is null)
        {
            if (TimeProvider.System.GetUtcNow() > giveUp)
            {
                throw new TimeoutException("The code under test did not wait on a timer within 10 seconds.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        }

        return timer.DueAt!.Value - GetUtcNow();
    }

    private RecordedTimer? NextPending()
    {
        lock (_timers)
        {
            var now = GetUtcNow();
            return _timers.Where(t => t is { Fired: false, Disposed: false, DueAt: not null } && t.DueAt - now < DeadlinesFrom).MinBy(t => t.DueAt);
        }
    }

    private sealed class RecordedTimer(RecordingTimeProvider owner) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? DueAt { get; set; }

        public bool Fired { get; set; }

        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
            Fired = false;
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Disposed = true;
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return Inner.DisposeAsync();
        }
    }
}
