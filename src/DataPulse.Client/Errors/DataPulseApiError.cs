using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using DataPulse.Client.Internal;

namespace DataPulse.Client;

/// <summary>
/// What the API said about an error: the fields of the contract's error object (<c>type</c>, <c>code</c>,
/// <c>message</c>, <c>param</c>, <c>trace_id</c>) and, for an error answer, its status, headers and raw body, capped. The one
/// shape of an error: an error answer's body and a failed report's <c>error</c> both arrive as it.
/// </summary>
/// <remarks>
/// A proxy between the client and the API may answer with HTML, plain text or nothing; then the body fields are
/// <see langword="null"/> and <see cref="ResponseBody"/> holds what arrived.
/// </remarks>
public sealed record DataPulseApiError
{
    /// <summary>The largest part of an error body the client keeps, in bytes (8 KiB).</summary>
    public const int MaxResponseBodyBytes = 8 * 1024;

    /// <summary>The HTTP status of the answer that carried the error (for a failed report, the status answer's: 200).</summary>
    [JsonIgnore]
    public HttpStatusCode StatusCode { get; init; }

    /// <summary>The error <c>type</c>, for example <c>invalid_request_error</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The error <c>code</c>, for example <c>invalid_query</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The server's own message.</summary>
    public string? Message { get; init; }

    /// <summary>The request parameter the error is about, for example <c>limit</c>.</summary>
    public string? Param { get; init; }

    /// <summary>The trace id to quote to DataPulse support: from the body, else from the <c>X-Trace-Id</c> header.</summary>
    public string? TraceId { get; init; }

    /// <summary>The response headers (content headers included), by name, ignoring case.</summary>
    [JsonIgnore]
    // System.Text.Json 8 (the net8.0 build) sets every init-only property when it reads the record, this ignored one to null; null keeps the default.
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers
    {
        get;
        init => field = value ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
    } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The raw response body as text, at most <see cref="MaxResponseBodyBytes"/> bytes of it.</summary>
    [JsonIgnore]
    public string? ResponseBody { get; init; }

    /// <summary><see langword="true"/> when the body was longer than <see cref="MaxResponseBodyBytes"/> and was cut.</summary>
    [JsonIgnore]
    public bool ResponseBodyTruncated { get; init; }

    /// <summary>
    /// Writes the members for <see cref="ToString"/>: the headers as <c>{ name: value }</c> with credential headers
    /// (<c>Authorization</c>, cookies) redacted, and the body cut to its first 200 characters.
    /// </summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("StatusCode = ").Append(StatusCode)
            .Append(", Type = ").Append(Type)
            .Append(", Code = ").Append(Code)
            .Append(", Message = ").Append(Message)
            .Append(", Param = ").Append(Param)
            .Append(", TraceId = ").Append(TraceId)
            .Append(", Headers = ").AppendHeaders(Headers)
            .Append(", ResponseBody = ").AppendText(ResponseBody)
            .Append(", ResponseBodyTruncated = ").Append(ResponseBodyTruncated);
        return true;
    }
}
