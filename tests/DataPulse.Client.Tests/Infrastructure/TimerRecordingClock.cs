using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records every timer armed on it (a <c>Task.Delay</c>, Polly's delays and
/// timeouts), so a test can wait until the code under test is actually waiting before it moves the clock, and drive a call
/// to completion without sleeping: a step at a time (<see cref="DriveAsync"/>) or by jumping straight to the next pending
/// timer (<see cref="RunAsync{T}"/>).
/// </summary>
public sealed class TimerRecordingClock : FakeTimeProvider
{
    /// <summary>Timers this long or longer are deadlines (a call's timeouts), not waits: <see cref="RunAsync{T}"/> never jumps to them.</summary>
    public static readonly TimeSpan DeadlinesFrom = TimeSpan.FromHours(12);

    private readonly List<RecordedTimer> _timers = [];
    private readonly List<TimeSpan> _armed = [];

    public TimerRecordingClock()
        : base(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due time of every arming so far, in order (a CancellationTokenSource creates its timer disarmed and arms it with Change).</summary>
    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (_timers)
            {
                return _armed.ToArray();
            }
        }
    }

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
        Arm(recorded, dueTime, rearmed: false);
        return recorded;
    }

    /// <summary>Waits (in real time, up to 5 s) until a timer matching <paramref name="match"/> has been armed; returns its due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, int skip = 0)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(5);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var found = Timers.Where(match).Skip(skip).Take(1).ToArray();
            if (found.Length == 1)
            {
                return found[0];
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
        }

        throw new TimeoutException("No matching timer was created within 5 s of real time.");
    }

    /// <summary>Waits until a timer of exactly <paramref name="dueTime"/> has been armed.</summary>
    public Task<TimeSpan> WaitForTimerAsync(TimeSpan dueTime, int skip = 0) => WaitForTimerAsync(t => t == dueTime, skip);

    /// <summary>Waits (in real time) until the code under test waits on a timer that is not a deadline; returns how long that wait is.</summary>
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

    /// <summary>
    /// Moves the clock in <paramref name="step"/>s, yielding to real work (HTTP) in between, until <paramref name="task"/>
    /// completes or the clock has moved <paramref name="limit"/> (then the task is returned unfinished).
    /// </summary>
    public async Task<Task> DriveAsync(Task task, TimeSpan step, TimeSpan limit)
    {
        var moved = TimeSpan.Zero;
        while (!task.IsCompleted && moved < limit)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System));
            if (task.IsCompleted)
            {
                break;
            }

            Advance(step);
            moved += step;
        }

        await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System));
        return task;
    }

    /// <summary>
    /// Waits (in real time, for I/O) until <paramref name="task"/> completes, and whenever the code under test waits on a
    /// timer shorter than <see cref="DeadlinesFrom"/>, advances the clock exactly to it. Gives up after 10 real seconds.
    /// Use it with a client whose retries keep no timers and whose deadlines are longer than <see cref="DeadlinesFrom"/>,
    /// so every timer it jumps to is one the code under test waits on.
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

    // A timer due at once may fire inside base.CreateTimer: only a later Change makes a fired timer pending again.
    private void Arm(RecordedTimer timer, TimeSpan dueTime, bool rearmed)
    {
        // The fake clock's own lock is taken outside ours, so a timer callback re-arming a timer cannot deadlock with NextPending.
        var now = GetUtcNow();
        lock (_timers)
        {
            if (!rearmed)
            {
                _timers.Add(timer);
            }
            else
            {
                timer.Fired = false;
            }

            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _armed.Add(dueTime);
            }
        }
    }

    private RecordedTimer? NextPending()
    {
        var now = GetUtcNow();
        lock (_timers)
        {
            return _timers.Where(t => t is { Fired: false, Disposed: false, DueAt: not null } && t.DueAt - now < DeadlinesFrom).MinBy(t => t.DueAt);
        }
    }

    private sealed class RecordedTimer(TimerRecordingClock owner) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? DueAt { get; set; }

        public bool Fired { get; set; }

        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Arm(this, dueTime, rearmed: true);
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
