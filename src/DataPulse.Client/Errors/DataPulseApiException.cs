using System.Net;

namespace DataPulse.Client;

/// <summary>
/// The API answered with an error status. Subtypes name the common ones; this type itself is thrown for any other
/// non-success status. Carries the status, the contract's error fields, the trace id, headers and the raw body.
/// </summary>
public class DataPulseApiException : DataPulseException
{
    /// <summary>Creates an exception for an error answer.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="error">What the API answered.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public DataPulseApiException(string message, DataPulseApiError error, string? operation = null)
        : base(message, operation, null)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Everything the API answered, in one immutable record.</summary>
    public DataPulseApiError Error { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode => Error.StatusCode;

    /// <summary>The error <c>type</c>, for example <c>invalid_request_error</c>, when the body was the contract's error body.</summary>
    public string? ErrorType => Error.Type;

    /// <summary>The error <c>code</c>, for example <c>invalid_query</c>, when the body was the contract's error body.</summary>
    public string? ErrorCode => Error.Code;

    /// <summary>The request parameter the error is about, when the server named one.</summary>
    public string? Param => Error.Param;

    /// <summary>The trace id to quote to DataPulse support: from the body, else from the <c>X-Trace-Id</c> header.</summary>
    public string? TraceId => Error.TraceId;

    /// <summary>The response headers, by name, ignoring case.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ResponseHeaders => Error.Headers;

    /// <summary>The raw response body, capped at <see cref="DataPulseApiError.MaxResponseBodyBytes"/> bytes.</summary>
    public string? ResponseBody => Error.ResponseBody;
}
