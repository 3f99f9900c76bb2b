namespace DataPulse.Client;

/// <summary>Facts about the HTTP answer behind a successful result: its trace id and the rate-limit window.</summary>
public sealed record DataPulseResponseInfo
{
    /// <summary>An empty value, for results built by hand (for example in a caller's own tests).</summary>
    public static DataPulseResponseInfo None { get; } = new();

    /// <summary>The answer's <c>X-Trace-Id</c>, to quote to DataPulse support.</summary>
    public string? TraceId { get; init; }

    /// <summary>The rate-limit window after this call.</summary>
    public RateLimitInfo RateLimit { get; init; } = RateLimitInfo.None;
}
