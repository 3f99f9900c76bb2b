using System.Collections.Concurrent;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// The in-process store (one per clock, see <see cref="RateLimitRegistry"/>) used when
/// <see cref="DataPulseClientOptions.RateLimitStore"/> is null, and the fallback while a shared store is unreachable. One
/// lock per window; the windows are named by base address and key hash only.
/// </summary>
internal sealed class InMemoryRateLimitStore : IRateLimitStore
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);

    public ValueTask<RateLimitGrant> AcquireAsync(string scope, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        new(WindowOf(scope).Acquire(now));

    public ValueTask RecordWindowAsync(string scope, RateLimitInfo window, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        WindowOf(scope).Record(window, now);
        return default;
    }

    public ValueTask PauseAsync(string scope, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        WindowOf(scope).Pause(until);
        return default;
    }

    public ValueTask<double> UpdateRetryTokensAsync(string budget, double change, double maxTokens, CancellationToken cancellationToken = default) =>
        new(_budgets.GetOrAdd(budget, static (_, max) => new Budget(max), maxTokens).Add(change, maxTokens));

    private Window WindowOf(string scope) => _windows.GetOrAdd(scope, static _ => new Window());

    private sealed class Window
    {
        private readonly object _gate = new();
        private long? _limit;
        private long? _remaining;
        private DateTimeOffset? _resetsAt;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

        public RateLimitGrant Acquire(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_pausedUntil > now)
                {
                    return RateLimitGrant.WaitUntil(_pausedUntil);
                }

                Roll(now);
                if (_remaining is not { } remaining)
                {
                    return RateLimitGrant.WindowUnknown;
                }

                if (remaining > 0)
                {
                    _remaining = remaining - 1;
                    return RateLimitGrant.Granted;
                }

                return _resetsAt is { } reset ? RateLimitGrant.WaitUntil(reset) : RateLimitGrant.WindowUnknown;
            }
        }

        public void Record(RateLimitInfo window, DateTimeOffset now)
        {
            if (window.Remaining is not { } reported || window.ResetsAt is not { } reset || reset <= now)
            {
                return;
            }

            lock (_gate)
            {
                Roll(now);
                _limit = window.Limit ?? _limit;
                if (_resetsAt is { } known && reset < known)
                {
                    return;
                }

                // Same window, or the first answer after a reset: the lower count wins, since ours also holds requests
                // granted but not answered yet. A later window than the one we knew replaces it.
                _remaining = _remaining is { } mine && (_resetsAt is null || _resetsAt == reset) ? Math.Min(mine, reported) : reported;
                _resetsAt = reset;
            }
        }

        public void Pause(DateTimeOffset until)
        {
            lock (_gate)
            {
                if (until > _pausedUntil)
                {
                    _pausedUntil = until;
                }
            }
        }

        // Past the reset the server starts a fresh window of the same size; its reset is known again from the next answer.
        private void Roll(DateTimeOffset now)
        {
            if (_resetsAt is { } reset && now >= reset)
            {
                _remaining = _limit;
                _resetsAt = null;
            }
        }
    }

    private sealed class Budget(double tokens)
    {
        private readonly object _gate = new();

        public double Add(double change, double max)
        {
            lock (_gate)
            {
                tokens = Math.Clamp(tokens + change, 0, max);
                return tokens;
            }
        }
    }
}
