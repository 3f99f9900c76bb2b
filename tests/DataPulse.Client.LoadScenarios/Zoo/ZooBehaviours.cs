using System.Globalization;

namespace DataPulse.Client.LoadScenarios.Zoo;

/// <summary>
/// The server zoo: servers the SDK meets in the wild, each answering by its own rules. The ones that never refuse are what
/// gateways and caches in front of an API do with rate-limit headers (repeat them, send stale or differently encoded
/// resets, or send none); the others refuse as real limits do (a fixed window, a token bucket, a day-long pause, a gateway
/// shedding load with 429s and no window at all).
/// </summary>
public static class ZooBehaviours
{
    /// <summary>The same three headers on every answer (<c>Limit 100, Remaining 42, Reset now+60</c>), never refusing.</summary>
    public static ZooBehaviour StaticHeaders() => new NeverRefusing("static headers", now => Window(100, 42, Unix(now.AddSeconds(60))));

    /// <summary><c>Remaining 42</c> with a reset an hour in the past (a stale cache), never refusing.</summary>
    public static ZooBehaviour PastReset() => new NeverRefusing("past reset", now => Window(100, 42, Unix(now.AddHours(-1))));

    /// <summary><c>X-RateLimit-Reset: 60</c>, seconds from now (the IETF draft's form), never refusing.</summary>
    public static ZooBehaviour DeltaSecondsReset() => new NeverRefusing("delta-seconds reset", _ => Window(100, 42, "60"));

    /// <summary><c>X-RateLimit-Reset</c> in Unix seconds with decimals (Discord's form), never refusing.</summary>
    public static ZooBehaviour DecimalEpochReset() => new NeverRefusing(
        "decimal epoch reset", now => Window(100, 42, (now.AddSeconds(60).ToUnixTimeMilliseconds() / 1000m).ToString("0.000", CultureInfo.InvariantCulture)));

    /// <summary>No rate-limit headers at all, never refusing.</summary>
    public static ZooBehaviour NoHeaders() => new NeverRefusing("no headers", _ => ZooAnswer.Ok());

    /// <summary>A truthful fixed window of <paramref name="limit"/> requests per <paramref name="window"/>, aligned to the epoch.</summary>
    public static ZooBehaviour FixedWindow(int limit, TimeSpan window) => new FixedWindowServer(limit, window);

    /// <summary>
    /// A token bucket of <paramref name="capacity"/> refilling <paramref name="perSecond"/>: Remaining is the tokens left, Reset
    /// the time until full (Unix seconds, decimals), moving; a refused request gets <c>Retry-After</c> in whole seconds.
    /// </summary>
    public static ZooBehaviour TokenBucket(int capacity, double perSecond) => new TokenBucketServer(capacity, perSecond);

    /// <summary>A gateway that sheds load: beyond <paramref name="concurrency"/> requests in progress, 429 with <c>Retry-After: 1</c> and no window.</summary>
    public static ZooBehaviour GatewayStorm(int concurrency) => new GatewayStormServer(concurrency);

    /// <summary>Every request refused with a day-long <c>Retry-After</c> until <see cref="LongPause.Lift"/>.</summary>
    public static LongPause DayLongRetryAfter() => new();

    private static ZooAnswer Window(long limit, long remaining, string reset) =>
        ZooAnswer.Ok(("X-RateLimit-Limit", Text(limit)), ("X-RateLimit-Remaining", Text(remaining)), ("X-RateLimit-Reset", reset));

    private static string Unix(DateTimeOffset at) => Text(at.ToUnixTimeSeconds());

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class NeverRefusing(string name, Func<DateTimeOffset, ZooAnswer> answer) : ZooBehaviour
    {
        public override string Name => name;

        public override bool Refuses => false;

        public override ZooAnswer Answer(DateTimeOffset now, int inFlight) => answer(now);
    }

    private sealed class FixedWindowServer(int limit, TimeSpan window) : ZooBehaviour
    {
        private readonly object _gate = new();
        private long _index = -1;
        private int _used;

        public override string Name => string.Create(CultureInfo.InvariantCulture, $"fixed window {limit}/{window.TotalSeconds:0.#} s");

        public override ZooAnswer Answer(DateTimeOffset now, int inFlight)
        {
            var index = (now - DateTimeOffset.UnixEpoch).Ticks / window.Ticks;
            var reset = DateTimeOffset.UnixEpoch.AddTicks((index + 1) * window.Ticks);
            lock (_gate)
            {
                if (index != _index)
                {
                    (_index, _used) = (index, 0);
                }

                var admitted = _used < limit;
                _used += admitted ? 1 : 0;
                var headers = new[]
                {
                    ("X-RateLimit-Limit", Text(limit)), ("X-RateLimit-Remaining", Text(limit - _used)),
                    ("X-RateLimit-Reset", Text((long)Math.Ceiling((reset - DateTimeOffset.UnixEpoch).TotalSeconds))),
                };
                return admitted
                    ? ZooAnswer.Ok(headers)
                    : ZooAnswer.TooManyRequests([.. headers, ("Retry-After", Text((long)Math.Ceiling((reset - now).TotalSeconds)))]);
            }
        }
    }

    private sealed class TokenBucketServer(int capacity, double perSecond) : ZooBehaviour
    {
        private readonly object _gate = new();
        private double _tokens = capacity;
        private DateTimeOffset? _last;

        public override string Name => string.Create(CultureInfo.InvariantCulture, $"token bucket {capacity}, {perSecond:0.#}/s");

        public override ZooAnswer Answer(DateTimeOffset now, int inFlight)
        {
            lock (_gate)
            {
                _tokens = Math.Min(capacity, _tokens + (((now - (_last ?? now)).TotalSeconds) * perSecond));
                _last = now;
                var admitted = _tokens >= 1;
                _tokens -= admitted ? 1 : 0;
                var full = now.AddSeconds((capacity - _tokens) / perSecond);
                var headers = new[]
                {
                    ("X-RateLimit-Limit", Text(capacity)), ("X-RateLimit-Remaining", Text((long)Math.Floor(_tokens))),
                    ("X-RateLimit-Reset", (full.ToUnixTimeMilliseconds() / 1000m).ToString("0.000", CultureInfo.InvariantCulture)),
                };
                return admitted
                    ? ZooAnswer.Ok(headers)
                    : ZooAnswer.TooManyRequests([.. headers, ("Retry-After", Text((long)Math.Ceiling((1 - _tokens) / perSecond)))]);
            }
        }
    }

    private sealed class GatewayStormServer(int concurrency) : ZooBehaviour
    {
        public override string Name => string.Create(CultureInfo.InvariantCulture, $"gateway 429 storm (over {concurrency} in progress)");

        public override ZooAnswer Answer(DateTimeOffset now, int inFlight) =>
            inFlight > concurrency ? ZooAnswer.TooManyRequests(("Retry-After", "1")) : ZooAnswer.Ok();
    }
}
