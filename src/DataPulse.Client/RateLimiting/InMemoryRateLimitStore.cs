using System.Collections.Concurrent;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// The in-process <see cref="IRateLimitStore"/>: the reference implementation of the store's rules (see
/// <see cref="IRateLimitStore"/>), one lock per window. Clients built without a store of their own use one per process and
/// clock; each dependency-injection container has its own; a test can give its clients one and <see cref="Clear"/> it.
/// Windows and budgets nobody uses any more are dropped, so it never grows without bound.
/// </summary>
public sealed class InMemoryRateLimitStore : IRateLimitStore
{
    private static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, RateLimitWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <inheritdoc />
    public ValueTask<RateLimitGrant> AcquireAsync(string scope, RateLimitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        SweepIdle(request.Now);
        return new(_windows.GetOrAdd(scope, static _ => new RateLimitWindow()).Acquire(request));
    }

    /// <inheritdoc />
    public ValueTask RecordAsync(string scope, RateLimitAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (_windows.TryGetValue(scope, out var window))
        {
            window.Record(answer);
        }

        return default;
    }

    /// <inheritdoc />
    public ValueTask<double> UpdateRetryTokensAsync(string budget, double change, double maxTokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var left = _budgets.GetOrAdd(budget, static (_, max) => new Budget(max), maxTokens).Add(change, maxTokens);

        // A full budget is a fresh one: nothing to keep.
        if (left >= maxTokens)
        {
            _budgets.TryRemove(budget, out _);
        }

        return new(left);
    }

    /// <summary>
    /// Forgets every window, pause and retry budget, as if no answer had been seen. Requests still out are not forgotten
    /// by the clients that sent them; their answers are recorded afresh.
    /// </summary>
    public void Clear()
    {
        _windows.Clear();
        _budgets.Clear();
    }

    private void SweepIdle(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var next = Volatile.Read(ref _nextSweep);
        if (ticks < next || Interlocked.CompareExchange(ref _nextSweep, ticks + IdleAfter.Ticks, next) != next)
        {
            return;
        }

        foreach (var (scope, window) in _windows)
        {
            if (window.IsIdleSince(now - IdleAfter))
            {
                _windows.TryRemove(new KeyValuePair<string, RateLimitWindow>(scope, window));
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
