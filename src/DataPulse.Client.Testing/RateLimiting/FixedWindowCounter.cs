namespace DataPulse.Client.Testing.RateLimiting;

/// <summary>
/// Fixed windows aligned to multiples of the window since the Unix epoch on the sandbox's clock, counted per partition.
/// Kept instead of System.Threading.RateLimiting's FixedWindowRateLimiter: that one runs its windows on its own timer,
/// not on a TimeProvider, and cannot report when a window resets, which every answer's headers need.
/// </summary>
internal sealed class FixedWindowCounter(int permitLimit, TimeSpan window, TimeProvider timeProvider, bool enforce)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public int PermitLimit => permitLimit;

    /// <summary>Counts a request in <paramref name="partition"/>'s current window, unless the window is enforced and
    /// full: then the request is refused and not counted.</summary>
    public RateLimitDecision Acquire(string partition)
    {
        var now = timeProvider.GetUtcNow();
        var index = (now - DateTimeOffset.UnixEpoch).Ticks / window.Ticks;
        var resetsAt = DateTimeOffset.UnixEpoch.AddTicks((index + 1) * window.Ticks);
        lock (_gate)
        {
            if (!_windows.TryGetValue(partition, out var current) || current.Index != index)
            {
                current = new Window(index);
                _windows[partition] = current;
            }

            var admitted = !enforce || current.Used < permitLimit;
            if (admitted)
            {
                current.Used++;
            }

            return new RateLimitDecision(admitted, permitLimit, Math.Max(0, permitLimit - current.Used), resetsAt, resetsAt - now);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }

    private sealed class Window(long index)
    {
        public long Index { get; } = index;

        public int Used { get; set; }
    }
}
