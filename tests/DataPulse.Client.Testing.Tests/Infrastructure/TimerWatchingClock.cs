using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Testing.Tests.Infrastructure;

/// <summary>A <see cref="FakeTimeProvider"/> that tells when something starts waiting on it, so a test moves the clock
/// only once the wait exists, and can drive a call to completion without sleeping.</summary>
public sealed class TimerWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _dueTimes.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits in real time (up to 10 s, a hang guard) until a timer of <paramref name="dueTime"/> was created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10), TimeProvider.System);
        while (!_dueTimes.Contains(dueTime))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, guard.Token);
        }
    }

    /// <summary>Moves the clock a second at a time, letting real HTTP run in between, until <paramref name="call"/> ends.</summary>
    public async Task<T> DriveAsync<T>(Task<T> call)
    {
        for (var moved = 0; !call.IsCompleted && moved < 600; moved++)
        {
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System));
            if (!call.IsCompleted)
            {
                Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await call.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
