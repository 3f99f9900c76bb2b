using System.Globalization;
using System.Net.Http.Headers;

namespace DataPulse.Client.Http;

/// <summary>Reads the contract's response headers (trace id, rate limit, Retry-After).</summary>
internal static class ResponseHeaderReader
{
    public const string TraceIdHeader = "X-Trace-Id";
    public const string RateLimitLimitHeader = "X-RateLimit-Limit";
    public const string RateLimitRemainingHeader = "X-RateLimit-Remaining";
    public const string RateLimitResetHeader = "X-RateLimit-Reset";
    public const string RetryAfterHeader = "Retry-After";

    // The most whole seconds a TimeSpan holds.
    private const ulong MaxDeltaSeconds = 922_337_203_685;

    /// <summary>
    /// A value of <c>X-RateLimit-Reset</c> at least this large is a Unix time in seconds (the contract's form, and
    /// GitHub's, Discord's); a smaller one is seconds from now (the IETF RateLimit draft's form, Zendesk's, Cloudflare's).
    /// One billion seconds is September 2001 as a date and 31 years as a wait, so neither form is mistaken for the other.
    /// </summary>
    public const long UnixResetThreshold = 1_000_000_000;

    /// <summary>Nearer than this, a reset is taken as the server sent it: <c>Date</c> has whole seconds only.</summary>
    public static readonly TimeSpan MaxTrustedSkew = TimeSpan.FromSeconds(5);

    // The latest instant a DateTimeOffset holds, in Unix seconds.
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>
    /// Reads an answer's status, trace id and rate-limit window once, when it arrives and before its body is read (so its
    /// content headers are the transport's, all of them), keeping its headers by reference with any echo of
    /// <paramref name="apiKey"/> scrubbed. <see cref="Remember"/> then keeps the facts with the buffered body, so that the
    /// stages and the result read them without parsing the headers again (a streamed file's are read again where they are
    /// needed: once per download).
    /// </summary>
    public static DataPulseResponseInfo Read(HttpResponseMessage response, TimeProvider timeProvider, string? apiKey) => new()
    {
        StatusCode = response.StatusCode,
        TraceId = ReadTraceId(response.Headers),
        RateLimit = ReadRateLimit(response.Headers, timeProvider),
        HeaderSource = ResponseHeaders.Of(response, apiKey),
    };

    /// <summary>Keeps <paramref name="info"/> with <paramref name="response"/>'s buffered body.</summary>
    public static void Remember(HttpResponseMessage response, DataPulseResponseInfo info)
    {
        if (response.Content is BufferedContent buffered)
        {
            buffered.Info = info;
        }
    }

    /// <summary>The facts <see cref="Remember"/> kept for <paramref name="response"/>, or read now on <paramref name="timeProvider"/>.</summary>
    public static DataPulseResponseInfo InfoOf(HttpResponseMessage response, TimeProvider timeProvider) =>
        (response.Content as BufferedContent)?.Info ?? Read(response, timeProvider, apiKey: null);

    public static string? ReadTraceId(HttpResponseHeaders headers) => First(headers, TraceIdHeader);

    /// <summary>
    /// The answer's <c>X-RateLimit-*</c> window, read as hints: a malformed or negative value is left out, and a
    /// <c>Remaining</c> above <c>Limit</c> is left out (a reset that is not in the future is kept as said; pacing ignores it). The reset is
    /// Unix seconds or seconds from now (see <see cref="UnixResetThreshold"/>), decimals allowed, and is put on this
    /// machine's clock: a Unix reset is moved by the gap between the answer's <c>Date</c> and
    /// <paramref name="timeProvider"/> when they are more than <see cref="MaxTrustedSkew"/> apart (as the AWS SDKs
    /// correct clock skew), so a client clock off by an hour neither waits that hour nor ignores the window.
    /// </summary>
    public static RateLimitInfo ReadRateLimit(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        var limit = ReadCount(headers, RateLimitLimitHeader);
        var remaining = ReadCount(headers, RateLimitRemainingHeader);
        var reset = First(headers, RateLimitResetHeader);
        if (limit is null && remaining is null && reset is null)
        {
            return RateLimitInfo.None;
        }

        if (remaining > limit)
        {
            remaining = null;
        }

        var resetsAt = reset is null ? null : ResetOnLocalClock(reset, headers, timeProvider.GetUtcNow());
        return limit is null && remaining is null && resetsAt is null
            ? RateLimitInfo.None
            : new RateLimitInfo { Limit = limit, Remaining = remaining, ResetsAt = resetsAt };
    }

    private static DateTimeOffset? ResetOnLocalClock(string value, HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxUnixSeconds)
        {
            return null;
        }

        DateTimeOffset resetsAt;
        if (seconds >= UnixResetThreshold)
        {
            resetsAt = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
            // The Date header is parsed only here, and without building the typed general headers (one object per answer).
            if (DateOf(headers) is { } date && (date - now).Duration() > MaxTrustedSkew)
            {
                resetsAt = now + (resetsAt - date);
            }
        }
        else
        {
            resetsAt = now.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        // Kept even when not ahead (a stale repeat, or a window that already rolled): what the server said; pacing ignores it.
        return resetsAt;
    }

    /// <summary>
    /// The wait a <c>Retry-After</c> header asks for: delta-seconds of any size (a value too large for a
    /// <see cref="TimeSpan"/> is <see cref="TimeSpan.MaxValue"/>, so it is over any ceiling), or an HTTP-date measured
    /// against <paramref name="timeProvider"/>; never negative. Null when the header is absent or unreadable.
    /// </summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        if (First(headers, RetryAfterHeader) is not { } value)
        {
            return null;
        }

        if (value.Length > 0 && value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            // RetryConditionHeaderValue reads only values that fit an int: a larger one would look like no header at all.
            return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxDeltaSeconds
                ? TimeSpan.FromTicks((long)seconds * TimeSpan.TicksPerSecond)
                : TimeSpan.MaxValue;
        }

        if (RetryConditionHeaderValue.TryParse(value, out var parsed) && parsed.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>A copy of every response and content header, with any echo of <paramref name="apiKey"/> redacted.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Snapshot(HttpResponseMessage response, string? apiKey)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            result[header.Key] = header.Value.Select(value => ApiKey.Scrub(value, apiKey)!).ToArray();
        }

        return result;
    }

    // NonValidated: no parsing and no array per header; a single value comes back as the string itself.
    private static string? First(HttpHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    private static DateTimeOffset? DateOf(HttpResponseHeaders headers) =>
        First(headers, "Date") is { } text && DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    /// <summary>A whole number of requests: digits only, so a sign, a decimal or garbage is left out.</summary>
    private static long? ReadCount(HttpHeaders headers, string name) =>
        long.TryParse(First(headers, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
