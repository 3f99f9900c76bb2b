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

    public static DataPulseResponseInfo ReadInfo(HttpResponseMessage response) => new()
    {
        TraceId = ReadTraceId(response.Headers),
        RateLimit = ReadRateLimit(response.Headers),
    };

    public static string? ReadTraceId(HttpResponseHeaders headers) => First(headers, TraceIdHeader);

    public static RateLimitInfo ReadRateLimit(HttpResponseHeaders headers)
    {
        var limit = ReadLong(headers, RateLimitLimitHeader);
        var remaining = ReadLong(headers, RateLimitRemainingHeader);
        var reset = ReadLong(headers, RateLimitResetHeader);
        if (limit is null && remaining is null && reset is null)
        {
            return RateLimitInfo.None;
        }

        DateTimeOffset? resetsAt = reset is { } seconds && seconds is >= 0 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        return new RateLimitInfo { Limit = limit, Remaining = remaining, ResetsAt = resetsAt };
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

    private static long? ReadLong(HttpHeaders headers, string name) =>
        long.TryParse(First(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
