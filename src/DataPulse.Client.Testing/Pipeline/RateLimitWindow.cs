namespace DataPulse.Client.Testing.Pipeline;

/// <summary>Counts requests per one-minute window for the <c>X-RateLimit-*</c> headers.</summary>
internal sealed class RateLimitWindow(int limit, TimeProvider timeProvider)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly object _gate = new();
    private DateTimeOffset _windowEnd;
    private int _used;

    public (int Limit, int Remaining, long ResetUnixSeconds) Count()
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (now >= _windowEnd)
            {
                var start = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 60 * 60);
                _windowEnd = start + Window;
                _used = 0;
            }

            _used++;
            return (limit, Math.Max(0, limit - _used), _windowEnd.ToUnixTimeSeconds());
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windowEnd = DateTimeOffset.MinValue;
            _used = 0;
        }
    }
}
