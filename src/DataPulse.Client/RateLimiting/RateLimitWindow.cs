namespace DataPulse.Client.RateLimiting;

/// <summary>
/// One scope's state in the in-process store, and the store's rules written once (the Redis scripts follow them line by
/// line): what the server said (its window and any pause), the requests out, and whether the window refills between
/// resets. Not thread-safe on its own: every member takes the window's lock.
/// </summary>
internal sealed class RateLimitWindow
{
    /// <summary>Requests out before the first answer tells anything (TCP slow start, AWS adaptive mode).</summary>
    public const int SlowStartLimit = 4;

    /// <summary>The longest pause a <c>Retry-After</c> sets: longer than any wait, and a date that stays representable.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromDays(1);

    private readonly object _gate = new();
    private long? _limit;
    private long? _remaining;
    private DateTimeOffset? _resetsAt;
    private DateTimeOffset _observedAt;
    private bool _answered;
    private bool _refills;
    private bool _fixed;
    private bool _uncounted;
    private double _refillPerSecond;
    private DateTimeOffset? _pausedUntil;
    private DateTimeOffset _pauseSince;
    private DateTimeOffset _probeAt;
    private int _out;
    private double? _ceiling;
    private double _ceilingCap;
    private DateTimeOffset _ceilingSince;
    private int _servedAtCeiling;
    private DateTimeOffset _lastUsed;

    public RateLimitGrant Acquire(RateLimitRequest request)
    {
        var now = request.Now;
        lock (_gate)
        {
            _lastUsed = now;
            Roll(now);
            if (_ceiling is not null && now - _ceilingSince >= request.ProbeInterval)
            {
                // What a refusal taught about concurrency is not trusted longer than a hold is: the next 429 teaches it again.
                _ceiling = null;
            }

            var (holdUntil, reason) = HoldUntil(now);
            if (holdUntil is { } until)
            {
                if (until - now <= request.MaxWait)
                {
                    // A spent window not yet known to be fixed or refilling is tested once: one request goes when one would
                    // be back had the window refilled evenly since the server spoke. Served: it refills; refused: it is fixed.
                    if (reason == RateLimitHoldReason.WindowSpent && !_refills && !_fixed && _limit is >= 2 && now >= _probeAt)
                    {
                        var testAt = _observedAt + ((until - _observedAt) / _limit.Value);
                        if (now >= testAt)
                        {
                            _probeAt = until;
                            _out++;
                            return Grant(RateLimitGrantStatus.Probe, until, reason);
                        }

                        return Grant(RateLimitGrantStatus.WaitUntil, testAt, reason);
                    }

                    return Grant(RateLimitGrantStatus.WaitUntil, until, reason);
                }

                // Nothing the server said is trusted for longer than the caller may wait without asking again: one probe per
                // interval, the first an interval after the server spoke.
                var spoke = reason == RateLimitHoldReason.Paused ? _pauseSince : _observedAt;
                if (now < _probeAt || now < spoke + request.ProbeInterval)
                {
                    return Grant(RateLimitGrantStatus.Refused, until, reason);
                }

                _probeAt = now + request.ProbeInterval;
                _out++;
                return Grant(RateLimitGrantStatus.Probe, until, reason);
            }

            // The client's own count may only make a request wait for the next answer, and never when none is out.
            if (_out < Allowed(now) || request.LocalInFlight == 0)
            {
                _out++;
                return Grant(RateLimitGrantStatus.Granted, null, RateLimitHoldReason.None);
            }

            return Grant(RateLimitGrantStatus.WaitForAnswer, null, RateLimitHoldReason.None);
        }
    }

    public void Record(RateLimitAnswer answer)
    {
        var now = answer.Now;
        lock (_gate)
        {
            _lastUsed = now;
            var outWithThis = _out;
            _out = Math.Max(0, _out - 1);
            if (!answer.Answered)
            {
                return;
            }

            _answered = true;
            if (answer.TooManyRequests && answer.RetryAfter is { } retryAfter)
            {
                var until = now + (retryAfter < MaxPause ? retryAfter : MaxPause);

                // The newest word wins (a probe's answer renews or shortens the pause); an answer to a request sent before
                // the pause began can only lengthen it.
                if (_pausedUntil is not { } paused || paused <= now || answer.SentAt >= _pauseSince)
                {
                    _pausedUntil = until;
                    _pauseSince = now;
                    if (_remaining is null)
                    {
                        // A server with no window to tell refused with this many out (a gateway limiting concurrency): after
                        // the pause, half as many go, growing by one per round of answers up to one fewer than were refused,
                        // so that the end of a pause is not one burst refused again.
                        _ceiling = Math.Max(1, Math.Floor(outWithThis / 2.0));
                        _ceilingCap = Math.Max(1, outWithThis - 1);
                        _ceilingSince = now;
                        _servedAtCeiling = 0;
                    }
                }
                else if (until > paused)
                {
                    _pausedUntil = until;
                }
            }
            else if (!answer.TooManyRequests && _pausedUntil is { } paused && paused > now && answer.SentAt >= _pauseSince)
            {
                // The server served a request sent during the pause: it has lifted it.
                _pausedUntil = null;
            }

            if (!answer.TooManyRequests && _ceiling is { } ceiling && ceiling < _ceilingCap && ++_servedAtCeiling >= ceiling)
            {
                _ceiling = ceiling + 1;
                _servedAtCeiling = 0;
            }

            if (answer.TooManyRequests && answer.GrantedWith is { Status: RateLimitGrantStatus.Probe, Reason: RateLimitHoldReason.WindowSpent })
            {
                // A request sent into a spent window was refused: the window gives nothing back before its reset.
                _fixed = true;
            }

            Learn(answer, now);
        }
    }

    public bool IsIdleSince(DateTimeOffset since)
    {
        lock (_gate)
        {
            return _out == 0 && _lastUsed < since && (_pausedUntil is null || _pausedUntil < since);
        }
    }

    /// <summary>What an answer's window says, merged with what was known.</summary>
    private void Learn(RateLimitAnswer answer, DateTimeOffset now)
    {
        var window = answer.Window;
        if (window.Limit is { } limit)
        {
            _limit = limit;
        }

        // Retry-After takes precedence over the window a 429 carries (IETF RateLimit draft): the pause says when to come back.
        if (window.Remaining is not { } remaining || (answer.TooManyRequests && answer.RetryAfter is not null))
        {
            return;
        }

        // A reset that is not ahead says nothing about when requests come back: a stale repeat, or a window that rolled.
        var reset = window.ResetsAt is { } at && at > now ? at : (DateTimeOffset?)null;
        var before = answer.GrantedWith;

        // A fixed window only counts down until its reset. A request served before the reset although the window was spent,
        // or served with as much left as when it was let go (the reset not moved later), means the window gave requests
        // back: a sliding window or a token bucket.
        if (!_refills && !answer.TooManyRequests && before.Remaining is { } had && before.ResetsAt is { } hadReset && answer.SentAt < hadReset
            && (had == 0 || (reset is { } r && remaining >= had && r <= hadReset)))
        {
            // Served while the server had said nothing was left, or with as much left as before: it gave requests back.
            _refills = true;
        }

        // Whether the server counts what this client sends: a request let go with some left, served before the reset it was
        // let go under, that comes back with as much left was not counted (a cache or gateway repeating one header, or a
        // window refilling faster than this client spends it). Such a Remaining bounds nothing in flight; the next answer
        // that counts down makes it bound again, and Remaining 0 still holds.
        if (!answer.TooManyRequests && before.Remaining is > 0 and { } let && (before.ResetsAt is not { } letReset || now < letReset))
        {
            _uncounted = remaining >= let;
        }

        if (_refills && reset is { } full && (window.Limit ?? _limit) is { } size && size > remaining)
        {
            // A bucket's reset is when it is full again: what is missing comes back by then.
            _refillPerSecond = (size - remaining) / Math.Max((full - now).TotalSeconds, 0.001);
        }

        if (_refills || _resetsAt is not { } known || reset is null || reset > known)
        {
            // A later window (or a moving reset) replaces what was known; so does any answer of a window that refills.
            _remaining = remaining;
            _resetsAt = reset;
        }
        else if (reset == known)
        {
            // The same fixed window: answers can arrive out of order, and the lower count is the later one.
            _remaining = Math.Min(_remaining ?? remaining, remaining);
        }
        else
        {
            // An answer about an earlier window that arrived late: it says nothing about this one.
            return;
        }

        _observedAt = now;
    }

    /// <summary>When the server's own words let requests go again, and which words, or null when they do not hold them.</summary>
    private (DateTimeOffset? Until, RateLimitHoldReason Reason) HoldUntil(DateTimeOffset now)
    {
        if (_pausedUntil is { } paused && paused > now)
        {
            return (paused, RateLimitHoldReason.Paused);
        }

        if (_remaining is 0 && _resetsAt is { } reset && reset > now)
        {
            var until = _refills && _refillPerSecond > 0
                ? Min(reset, _observedAt + TimeSpan.FromSeconds(1 / _refillPerSecond))
                : reset;
            return until > now ? (until, RateLimitHoldReason.WindowSpent) : (null, RateLimitHoldReason.None);
        }

        return (null, RateLimitHoldReason.None);
    }

    /// <summary>
    /// How many requests may be out: what the server said remains (and what has refilled since), or four before any answer;
    /// no bound while the server's answers show it does not count this client's requests down; and, after a 429 from a server
    /// with no window to tell, the concurrency it learned.
    /// </summary>
    private double Allowed(DateTimeOffset now) => Math.Min(AllowedByTheWindow(now), _ceiling ?? double.PositiveInfinity);

    private double AllowedByTheWindow(DateTimeOffset now)
    {
        if (!_answered)
        {
            return SlowStartLimit;
        }

        if (_remaining is not { } remaining || _uncounted)
        {
            // No window known (a server that sends no rate-limit headers is not paced), or one that does not count this client.
            return double.PositiveInfinity;
        }

        if (!_refills || _refillPerSecond <= 0)
        {
            return remaining;
        }

        var refilled = remaining + Math.Floor((now - _observedAt).TotalSeconds * _refillPerSecond);
        return _limit is { } limit ? Math.Min(refilled, limit) : refilled;
    }

    /// <summary>Past its reset a fixed window starts again at its limit; the reset is known again from the next answer.</summary>
    private void Roll(DateTimeOffset now)
    {
        if (_resetsAt is { } reset && now >= reset)
        {
            _remaining = _limit;
            _resetsAt = null;
            _observedAt = now;
        }
    }

    private RateLimitGrant Grant(RateLimitGrantStatus status, DateTimeOffset? retryAt, RateLimitHoldReason reason) =>
        new(status, retryAt, reason, _limit, _remaining, _resetsAt);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
