using System.Collections.Concurrent;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// The timers of a client's attempts: a <see cref="CancellationTokenSource"/> on the client's clock, armed for one
/// attempt and reused for a later one when it did not fire, so a call costs no new timer (Polly's timeout strategies
/// would arm two per call). Kept because no library pools timed sources on an injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AttemptDeadlines(TimeProvider timeProvider)
{
    // Enough for every attempt of a busy client to find one; beyond it, sources are simply disposed.
    private const int MaxIdle = 512;

    private readonly ConcurrentQueue<CancellationTokenSource> _idle = new();
    private int _idleCount;

    public CancellationTokenSource Start(TimeSpan limit)
    {
        if (_idle.TryDequeue(out var deadline))
        {
            Interlocked.Decrement(ref _idleCount);
        }
        else
        {
            deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        }

        deadline.CancelAfter(limit);
        return deadline;
    }

    /// <summary>Takes a deadline back: reused when it did not fire and nothing outlives the attempt on it, else disposed.</summary>
    public void End(CancellationTokenSource deadline, bool reusable)
    {
        if (reusable && deadline.TryReset())
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Enqueue(deadline);
                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        deadline.Dispose();
    }
}
