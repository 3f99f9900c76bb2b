using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records every timer created on it (Polly's delays and timeouts), so a test can
/// wait until the client is actually waiting before it moves the clock, and drive a call to completion without sleeping.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public TestClock()
        : base(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due times of every timer created so far, in creation order.</summary>
    public IReadOnlyList<TimeSpan> Timers => _timers.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Record(dueTime);
        return timer;
    }

    // A CancellationTokenSource (Polly's timeouts) creates its timer disarmed and arms it with Change.
    private void Record(TimeSpan dueTime)
    {
        if (dueTime != global::System.Threading.Timeout.InfiniteTimeSpan)
        {
            _timers.Enqueue(dueTime);
        }
    }

    /// <summary>Waits (in real time, up to 5 s) until a timer matching <paramref name="match"/> has been created; returns its due time.</summary>
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

    /// <summary>Waits until a timer of exactly <paramref name="dueTime"/> has been created.</summary>
    public Task<TimeSpan> WaitForTimerAsync(TimeSpan dueTime, int skip = 0) => WaitForTimerAsync(t => t == dueTime, skip);

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

    private sealed class RecordingTimer(ITimer inner, TestClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Record(dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
