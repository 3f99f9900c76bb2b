using System.Net;
using System.Text;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;

namespace DataPulse.Client;

/// <summary>
/// Facts about the HTTP answer behind a successful result: its status, its headers, its trace id and the rate-limit
/// window.
/// </summary>
public sealed record DataPulseResponseInfo
{
    private readonly ResponseHeaders? _headers;

    /// <summary>An empty value, for results built by hand (for example in a caller's own tests).</summary>
    public static DataPulseResponseInfo None { get; } = new();

    /// <summary>The answer's HTTP status, for example <see cref="HttpStatusCode.OK"/>; 0 for a result built by hand without one.</summary>
    public HttpStatusCode StatusCode { get; init; }

    /// <summary>
    /// The answer's headers, content headers included, by name, ignoring case: read-only, as the server sent them (any echo
    /// of the API key scrubbed, as in <see cref="DataPulseApiError.Headers"/>). The request's headers, and so the key, are
    /// never here. Copied from the answer the first time it is read, then kept.
    /// </summary>
    /// <value>Empty for a result built by hand without headers. Headers given here are copied (read-only, ignoring case).</value>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers
    {
        get => _headers?.Snapshot ?? ResponseHeaders.None;
        init => _headers = ResponseHeaders.Given(value);
    }

    /// <summary>The answer's <c>X-Trace-Id</c>, to quote to DataPulse support.</summary>
    public string? TraceId { get; init; }

    /// <summary>The rate-limit window after this call.</summary>
    public RateLimitInfo RateLimit { get; init; } = RateLimitInfo.None;

    /// <summary>The answer's headers, kept by reference until first read (<see cref="ResponseHeaderReader"/>).</summary>
    internal ResponseHeaders? HeaderSource
    {
        init => _headers = value;
    }

    // The headers printed as a dictionary (credentials redacted), not as their type's name.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("StatusCode = ").Append((int)StatusCode)
            .Append(", TraceId = ").Append(TraceId)
            .Append(", RateLimit = ").Append(RateLimit)
            .Append(", Headers = ").AppendHeaders(Headers);
        return true;
    }
}
