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
    /// The wait a <c>Retry-After</c> header asks for, measured against <paramref name="timeProvider"/> when it is a date;
    /// never negative. Null when the header is absent or unreadable.
    /// </summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
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

    private static string? First(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() : null;

    private static long? ReadLong(HttpHeaders headers, string name) =>
        long.TryParse(First(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
