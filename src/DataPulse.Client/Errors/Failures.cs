using System.Globalization;
using System.Text.Json;
using DataPulse.Client.Http;
using DataPulse.Client.Pipeline;
using Polly.Timeout;

namespace DataPulse.Client.Errors;

/// <summary>
/// The one translator: every way a call can fail (an error status, no answer, a timeout, the caller's cancellation, an
/// answer that cannot be read, a refused redirect, a disposed client) becomes the documented exception here, and
/// nowhere else. No exception built here holds the request, its headers or the key.
/// </summary>
internal static class Failures
{
    /// <summary>The one rule for "did the caller cancel?": the exception is a cancellation and the caller's token fired.</summary>
    public static bool IsCallerCancellation(Exception exception, CancellationToken callerToken) =>
        exception is OperationCanceledException && callerToken.IsCancellationRequested;

    /// <summary>A cancellation to hand back for the caller's own token: fresh, so it holds nothing of the transport.</summary>
    public static OperationCanceledException Canceled(string operation, CancellationToken callerToken) =>
        new($"{operation} was canceled by the caller.", callerToken);

    /// <summary>What an attempt's failure to get an answer means (the caller's own cancellation is told apart before).</summary>
    public static Exception Translate(Exception exception, string operation, Uri? target, CancellationToken callerToken)
    {
        if (IsCallerCancellation(exception, callerToken))
        {
            return Canceled(operation, callerToken);
        }

        if (exception is DataPulseException)
        {
            return exception;
        }

        if (Find<RedirectRefusedException>(exception) is { } redirect)
        {
            return RedirectRefused(operation, redirect.Target);
        }

        return exception switch
        {
            // A strategy the caller added to the pipeline (ConfigureResilience) timed out.
            TimeoutRejectedException rejected => new DataPulseTimeoutException(
                $"{operation} timed out: an attempt took longer than {rejected.Timeout} (a timeout added with DataPulseClientOptions.ConfigureResilience).",
                DataPulseTimeoutKind.Attempt,
                rejected.Timeout,
                operation),
            // Not the caller's token: a transport limit fired, such as the connect timeout or a caller HttpClient's Timeout.
            OperationCanceledException canceled => new DataPulseTimeoutException(
                $"{operation} timed out: {(canceled.InnerException is TimeoutException timeout ? timeout.Message : "the HTTP transport gave up waiting")}",
                DataPulseTimeoutKind.Transport,
                null,
                operation),
            HttpRequestException or IOException => new DataPulseConnectionException(
                $"{operation} could not reach DataPulse at {target?.GetLeftPart(UriPartial.Authority) ?? "its address"}: {exception.Message}",
                operation,
                Detach(exception)),
            _ => new DataPulseException($"{operation} failed: {exception.Message}", operation, Detach(exception)),
        };
    }

    public static DataPulseTimeoutException AttemptTimedOut(string operation, TimeSpan attemptTimeout) => new(
        $"{operation} timed out: an attempt took longer than {attemptTimeout} (DataPulseClientOptions.AttemptTimeout) and no retry was left or allowed.",
        DataPulseTimeoutKind.Attempt,
        attemptTimeout,
        operation);

    public static DataPulseTimeoutException OverallTimedOut(string operation, TimeSpan timeout) => new(
        $"{operation} did not complete within the overall timeout of {timeout} (DataPulseClientOptions.Timeout), counting every attempt and wait.",
        DataPulseTimeoutKind.Overall,
        timeout,
        operation);

    /// <summary>The contract's exception for an error status, from the answer's body (already read, capped) and headers.</summary>
    public static DataPulseApiException FromResponse(string operation, HttpResponseMessage response, string? apiKey, TimeProvider timeProvider)
    {
        var error = ApiErrorReader.Read(response, apiKey);
        var retryAfter = ResponseHeaderReader.ReadRetryAfter(response.Headers, timeProvider);
        return DataPulseExceptionFactory.Create(operation, error, retryAfter, ResponseHeaderReader.ReadRateLimit(response.Headers));
    }

    public static DataPulseException Unreadable(string operation, Exception? cause, string? reason = null) => new(
        $"{operation} succeeded, but its answer could not be read as the expected JSON: {reason ?? (cause as JsonException)?.Message ?? "the body was empty or of another shape"}",
        operation,
        cause);

    public static DataPulseException RedirectRefused(string operation, string target) => new(
        $"{operation}: the server answered with a redirect to {target}; the SDK never follows a redirect to another host or scheme, so nothing was sent there with the key or the request body. Check BaseAddress.",
        operation,
        null);

    public static DataPulseException InsecureAddress(string operation, Uri? address) => new(
        $"Refusing to send the DataPulse API key to '{address?.GetLeftPart(UriPartial.Authority)}': only https:// (or http:// to a loopback host) is allowed.",
        operation,
        null);

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
            return new ObjectDisposedException(nameof(DataPulseClient), $"{operation} was called on a DataPulseClient that was disposed (or disposed while it ran).");
        }

        return Translate(exception, operation, null, callerToken);
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    // Transport exceptions hold no request; anything else is kept only as its type and message, so nothing the caller can
    // walk from the thrown exception leads back to the request or its Authorization header.
    private static Exception Detach(Exception exception) =>
        exception is HttpRequestException or IOException or System.Security.Authentication.AuthenticationException
            ? exception
            : new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{exception.GetType().FullName}: {exception.Message}"));
}
