using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataPulse.Client.Http;
using Polly.Timeout;

namespace DataPulse.Client.Errors;

/// <summary>
/// The one place a <see cref="DataPulseException"/> is created: every way a call can fail (an error status, no answer, a
/// timeout, the caller's cancellation, an answer that cannot be read, a refused redirect, a request the rate limit or the
/// retry budget held back, a report that failed) becomes the documented exception here, with the client's reason as data
/// (<see cref="DataPulseException.ClientReason"/>) and said once in its message. No exception built here holds the
/// request, its headers or the key.
/// </summary>
internal static partial class DataPulseExceptionFactory
{
    private const string BudgetNote =
        "Not retried: the client's retry budget is spent (too many recent failures on this API key; see DataPulseClientOptions.RetryBudget), so calls fail fast until the service answers again.";

    /// <summary>The one rule for "did the caller cancel?": the exception is a cancellation and the caller's token fired.</summary>
    public static bool IsCallerCancellation(Exception exception, CancellationToken callerToken) =>
        exception is OperationCanceledException && callerToken.IsCancellationRequested;

    /// <summary>A cancellation to hand back for the caller's own token: fresh, so it holds nothing of the transport.</summary>
    public static OperationCanceledException Canceled(string operation, CancellationToken callerToken) =>
        new($"{operation} was canceled by the caller.", callerToken);

    /// <summary>
    /// What an attempt's failure to get an answer means: the caller's cancellation stays one; the SDK's deadlines, a
    /// broken connection, a refused redirect, an answer too large and a caller strategy's timeout become their exceptions.
    /// </summary>
    public static Exception Translate(Exception exception, string operation, Uri? target, CancellationToken callerToken, DataPulseClientReason reason = DataPulseClientReason.None)
    {
        if (callerToken.IsCancellationRequested && exception is OperationCanceledException or IOException or HttpRequestException or TimeoutException)
        {
            return Canceled(operation, callerToken);
        }

        if (exception is DataPulseException)
        {
            return exception;
        }

        if (RedirectRefusedException.Within(exception) is { } redirect)
        {
            return RedirectRefused(operation, redirect.Target);
        }

        return exception switch
        {
            DeadlineExceededException { Overall: true } overall => OverallTimedOut(operation, overall.Timeout, overall.Setting, reason),
            DeadlineExceededException attempt => new DataPulseTimeoutException(
                With($"{operation} timed out: an attempt took longer than {Seconds(attempt.Timeout)} s ({attempt.Setting}) and no retry was left or allowed.", reason),
                DataPulseTimeoutKind.Attempt,
                attempt.Timeout,
                operation) { ClientReason = reason },
            ResponseTooLargeException large => new DataPulseException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{operation}: the answer is larger than the {large.MaxBytes:N0} bytes a response may be buffered in memory ({(large.DeclaredLength is { } length ? $"Content-Length {length:N0}" : "the body kept coming")}); raise DataPulseClientOptions.MaxResponseBufferSize if this answer is expected. Not retried."),
                operation,
                null),
            // A strategy the caller added to the pipeline (ConfigureResilience) or a pipeline of the caller's own timed out.
            TimeoutRejectedException rejected => new DataPulseTimeoutException(
                With($"{operation} timed out: an attempt took longer than {Seconds(rejected.Timeout)} s (a timeout strategy of your own, in DataPulseClientOptions.ConfigureResilience or ResiliencePipeline).", reason),
                DataPulseTimeoutKind.Attempt,
                rejected.Timeout,
                operation) { ClientReason = reason },
            // Not the caller's token: a transport limit fired, such as the connect timeout or a caller HttpClient's Timeout.
            OperationCanceledException canceled => new DataPulseTimeoutException(
                With(Stop($"{operation} timed out: {(canceled.InnerException is TimeoutException timeout ? timeout.Message : "the HTTP transport gave up waiting")}"), reason),
                DataPulseTimeoutKind.Transport,
                null,
                operation) { ClientReason = reason },
            HttpRequestException or IOException => new DataPulseConnectionException(
                With(Stop($"{operation} could not reach DataPulse at {target?.GetLeftPart(UriPartial.Authority) ?? "its address"}: {exception.Message}"), reason),
                operation,
                Detach(exception)) { ClientReason = reason },
            _ => new DataPulseException(Stop($"{operation} failed: {exception.Message}"), operation, Detach(exception)),
        };
    }

    /// <summary>The contract's exception for an error status, from the answer's body (already read, capped) and headers.</summary>
    public static DataPulseApiException FromResponse(
        string operation, HttpResponseMessage response, string? apiKey, TimeProvider timeProvider, DataPulseClientReason reason = DataPulseClientReason.None)
    {
        var error = ApiErrorReader.Read(response, apiKey);
        var retryAfter = ResponseHeaderReader.ReadRetryAfter(response.Headers, timeProvider);
        var message = With(Describe(operation, error, retryAfter), reason);
        return error.StatusCode switch
        {
            HttpStatusCode.BadRequest => new DataPulseBadRequestException(message, error, operation),
            HttpStatusCode.Unauthorized => new DataPulseAuthenticationException(message, error, operation),
            HttpStatusCode.Forbidden => new DataPulsePermissionDeniedException(message, error, operation),
            HttpStatusCode.NotFound => new DataPulseNotFoundException(message, error, operation),
            HttpStatusCode.TooManyRequests => new DataPulseRateLimitException(
                message, error, retryAfter, ResponseHeaderReader.ReadRateLimit(response.Headers, timeProvider), operation) { ClientReason = reason },
            >= HttpStatusCode.InternalServerError and <= (HttpStatusCode)599 => new DataPulseServerException(message, error, operation, retryAfter) { ClientReason = reason },
            _ => new DataPulseApiException(message, error, operation),
        };
    }

    /// <summary>The call's overall deadline passed; <paramref name="setting"/> names where it was set.</summary>
    public static DataPulseTimeoutException OverallTimedOut(
        string operation, TimeSpan timeout, string setting, DataPulseClientReason reason = DataPulseClientReason.None) => new(
        With($"{operation} did not complete within the overall timeout of {Seconds(timeout)} s ({setting}), counting every attempt and wait.", reason),
        DataPulseTimeoutKind.Overall,
        timeout,
        operation) { ClientReason = reason };

    /// <summary>
    /// A request the server's rate-limit window holds back for longer than the client may wait: not sent, as a 429 with
    /// that <c>Retry-After</c> would have ended.
    /// </summary>
    public static DataPulseRateLimitException RateLimitHeld(
        string operation, TimeSpan wait, TimeSpan maxRetryAfter, RateLimitInfo window, DataPulseClientReason reason, TimeSpan probeInterval)
    {
        // The wait is said once (RetryAfter carries it too); the header that set it is named by the reason, not restated.
        var why = reason == DataPulseClientReason.RateLimitPaused
            ? "a 429 from the server asked every call on this API key to wait"
            : "the server said the API key's rate-limit window is spent (X-RateLimit-Remaining: 0) and holds every call on it";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{operation} was not sent: {why} for another {Seconds(wait)} s, longer than DataPulseClientOptions.MaxRetryAfter ({Seconds(maxRetryAfter)} s). Meanwhile the client asks the server every {Seconds(probeInterval)} s whether the hold still stands.");
        return new DataPulseRateLimitException(message, new DataPulseApiError { StatusCode = HttpStatusCode.TooManyRequests }, wait, window, operation) { ClientReason = reason };
    }

    /// <summary>A request the server's rate-limit window holds back until after the call's overall deadline: not sent.</summary>
    public static DataPulseTimeoutException RateLimitPastDeadline(string operation, TimeSpan timeout, string setting, TimeSpan wait, DataPulseClientReason reason) => new(
        string.Create(
            CultureInfo.InvariantCulture,
            $"{operation} did not complete within the overall timeout of {Seconds(timeout)} s ({setting}): the server's rate limit holds every call on this API key for another {Seconds(wait)} s, past the deadline, so nothing was sent."),
        DataPulseTimeoutKind.Overall,
        timeout,
        operation) { ClientReason = reason };

    public static DataPulseException Unreadable(string operation, Exception? cause, string? reason = null) => new(
        Stop($"{operation} succeeded, but its answer could not be read as the expected JSON: {reason ?? (cause as JsonException)?.Message ?? "the body was empty or of another shape"}"),
        operation,
        cause);

    /// <summary>A 2xx answer that lacks what the operation needs to go on (an id, a status).</summary>
    public static DataPulseException Incomplete(string operation, string what) => new(
        $"{operation} succeeded, but its answer did not say {what}.", operation, null);

    public static DataPulseException RedirectRefused(string operation, string target) => new(
        $"{operation}: the server answered with a redirect to {target}; the SDK never follows a redirect to another host or scheme, so nothing was sent there with the key or the request body. Check BaseAddress.",
        operation,
        null);

    public static DataPulseException InsecureAddress(string operation, Uri? address) => new(
        $"Refusing to send the DataPulse API key to '{address?.GetLeftPart(UriPartial.Authority)}': only https:// (or http:// to a loopback host) is allowed.",
        operation,
        null);

    public static DataPulseException KeyMissing(string operation) => new(
        $"{operation} was not sent: the DataPulse API key is not set (configure DataPulseClientOptions.ApiKey).", operation, null);

    /// <summary>The server handed out a page cursor it had handed out before: following it would loop forever.</summary>
    public static DataPulseException CursorRepeated(string operation, string cursor) => new(
        $"{operation}: the server answered with cursor '{cursor}' a second time; stopping instead of looping.", operation, null);

    public static DataPulseException ReportNotReady(string operation, string reportId) => new(
        $"{operation}: report '{reportId}' is not ready yet (202 Accepted); wait until its status is ready.", operation, null);

    public static DataPulseReportFailedException ReportFailed(string operation, string reportId, DataPulseApiError? error)
    {
        var detail = error is not null
            ? $"{Code(error)}{(string.IsNullOrWhiteSpace(error.Message) ? string.Empty : ": " + error.Message.Trim())}"
            : " and gave no reason";
        var trace = error?.TraceId is { } traceId ? $" Trace id: {traceId}." : string.Empty;
        return new DataPulseReportFailedException(
            $"{operation}: the server could not generate report '{reportId}'{detail}{(detail.EndsWith('.') ? string.Empty : ".")}{trace}",
            reportId,
            error,
            operation);
    }

    public static DataPulseTimeoutException ReportGenerationTimedOut(string operation, string reportId, string status, TimeSpan limit) => new(
        string.Create(
            CultureInfo.InvariantCulture,
            $"{operation}: report '{reportId}' was still {status} after {limit} (DataPulseClientOptions.ReportGenerationTimeout). It may still finish: check it with GetReportStatusAsync(\"{reportId}\") and fetch it with DownloadReportAsync."),
        DataPulseTimeoutKind.ReportGeneration,
        limit,
        operation);

    public static DataPulseConnectionException DownloadEndedEarly(string operation, string fileName, long received, long expected) => new(
        string.Create(CultureInfo.InvariantCulture, $"The report download of '{fileName}' ended after {received} of {expected} bytes."), operation);

    public static DataPulseConnectionException DownloadBroke(string operation, string fileName, Exception cause) => new(
        Stop($"The report download of '{fileName}' broke off: {cause.Message}"), operation, Detach(cause));

    public static DataPulseTimeoutException DownloadIdle(string operation, string fileName, TimeSpan idleTimeout) => new(
        $"The report download of '{fileName}' received nothing for {idleTimeout} (DataPulseClientOptions.DownloadIdleTimeout); the connection went silent.",
        DataPulseTimeoutKind.DownloadIdle,
        idleTimeout,
        operation);

    /// <summary>
    /// A failure seen by a resource after the call path returned: the caller's cancellation stays as it is; a disposed
    /// client (before or during the call) is an <see cref="ObjectDisposedException"/>; DataPulse exceptions pass.
    /// </summary>
    public static Exception Outside(Exception exception, string operation, CancellationToken callerToken)
    {
        if (exception is DataPulseException)
        {
            return exception;
        }

        if (IsCallerCancellation(exception, callerToken))
        {
            return Canceled(operation, callerToken);
        }

        // The SDK's own HttpClient throws ObjectDisposedException once disposed, and cancels the calls still in flight.
        if (exception is ObjectDisposedException or OperationCanceledException)
        {
            // ObjectDisposedException adds "Object name: 'DataPulseClient'." itself: the message does not name it again.
            return new ObjectDisposedException("DataPulseClient", $"{operation} was called on a client that was disposed (or disposed while it ran).");
        }

        return Translate(exception, operation, null, callerToken);
    }

    /// <summary>
    /// "Operation failed: status reason (type/code): the server's message. Parameter: p. Retry after n s. Trace id: t." with
    /// each fact said once: a sentence of the server's that only repeats the reason phrase ("Not found.") is left out, the
    /// parameter only when the server's message does not name it, the wait only when the server's message does not give it
    /// (the exception's <c>RetryAfter</c> carries it either way).
    /// </summary>
    private static string Describe(string operation, DataPulseApiError error, TimeSpan? retryAfter)
    {
        var status = (int)error.StatusCode;
        var phrase = ReasonOf(error.StatusCode);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{operation} failed: {status}");
        if (phrase is not null)
        {
            text.Append(' ').Append(phrase);
        }

        var coded = error.Type is not null || error.Code is not null;
        if (coded)
        {
            text.Append(Code(error));
        }

        var said = ServerSaid(error.Message, phrase);
        if (said.Length > 0)
        {
            text.Append(": ").Append(said);
        }
        else if (error.ResponseBody is null)
        {
            text.Append(": the answer had no body");
        }
        else if (!coded)
        {
            text.Append(": the answer was not a DataPulse error body (a proxy may have answered)");
        }

        if (!text.ToString().EndsWith('.'))
        {
            text.Append('.');
        }

        if (error.Param is not null && !Names(said, error.Param))
        {
            text.Append(" Parameter: ").Append(error.Param).Append('.');
        }

        if (retryAfter is { } wait && !GivesWait(said))
        {
            text.Append(CultureInfo.InvariantCulture, $" Retry after {Seconds(wait)} s.");
        }

        if (error.TraceId is not null)
        {
            text.Append(" Trace id: ").Append(error.TraceId).Append('.');
        }

        return text.ToString();
    }

    /// <summary>The server's message without the sentences that only say the status's reason phrase again.</summary>
    private static string ServerSaid(string? message, string? phrase)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return string.Empty;
        }

        var sentences = SentenceEnds().Split(message.Trim());
        return phrase is null
            ? string.Join(' ', sentences)
            : string.Join(' ', sentences.Where(sentence => !string.Equals(sentence.TrimEnd('.', '!', ' '), phrase, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Whether the server's message already tells when to retry ("Retry after 7 seconds.", "try again in 2 s").</summary>
    private static bool GivesWait(string said) => WaitGiven().IsMatch(said);

    /// <summary>Whether the server's message names the parameter as a word of its own ("'period' must be …").</summary>
    private static bool Names(string said, string param)
    {
        foreach (var word in Words().EnumerateMatches(said))
        {
            if (said.AsSpan(word.Index, word.Length).Equals(param, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sentence ends in a server's message: ". ", "! " or "? ".</summary>
    [GeneratedRegex(@"(?<=[.!?])\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SentenceEnds();

    /// <summary>A retry wait in words: "retry after 7 seconds", "Retry in 2 s", "try again in 30 seconds", "wait 5 s".</summary>
    [GeneratedRegex(@"\b(retry|try again|wait)\b[^.;]*?\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WaitGiven();

    /// <summary>Words and identifiers (<c>limit</c>, <c>date_range.start</c>).</summary>
    [GeneratedRegex(@"\w[\w.]*\w|\w", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Words();

    /// <summary>" (type/code)", the one way an error's type and code are written.</summary>
    private static string Code(DataPulseApiError error) => $" ({error.Type ?? "?"}/{error.Code ?? "?"})";

    /// <summary>The message with the client's reason said once at its end.</summary>
    private static string With(string message, DataPulseClientReason reason) =>
        reason == DataPulseClientReason.RetryBudgetSpent ? message + " " + BudgetNote : message;

    /// <summary>The text ending in a full stop (or the "!" or "?" it ends with): a message of a sentence or more reads as one.</summary>
    private static string Stop(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The status's reason phrase (RFC 9110), or null for a status without a common one: never the number again.</summary>
    private static string? ReasonOf(HttpStatusCode status) => (int)status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => null,
    };

    // Transport exceptions hold no request; anything else is kept only as its type and message, so nothing the caller can
    // walk from the thrown exception leads back to the request or its Authorization header.
    private static Exception Detach(Exception exception) =>
        exception is HttpRequestException or IOException or System.Security.Authentication.AuthenticationException
            ? exception
            : new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{exception.GetType().FullName}: {exception.Message}"));
}
