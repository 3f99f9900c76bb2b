using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataPulse.Client.Calls;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using Microsoft.Extensions.Logging;
using Polly;

namespace DataPulse.Client.Telemetry;

/// <summary>
/// One log entry, one span and one duration measurement per operation (every attempt and wait included), and one log
/// entry, counter increment and span event per retry. The operation's span is <see cref="ActivityKind.Internal"/>: the
/// HTTP spans of its attempts (<c>System.Net.Http</c>'s, kind Client) are its children. Writes neither the key nor the
/// Authorization header anywhere; bodies only when <see cref="DataPulseClientOptions.LogBodies"/> is on, capped at
/// <see cref="DataPulseClientOptions.MaxLoggedBodyLength"/> characters. With no listener, logger or meter it costs a
/// few flag checks.
/// </summary>
internal sealed class CallTelemetry(ILogger logger, DataPulseMetrics metrics, ApiKeyProvider keyProvider, bool logBodies)
{
    /// <summary>The most characters of one body written to the log (<see cref="DataPulseClientOptions.MaxLoggedBodyLength"/>).</summary>
    public const int MaxLoggedBodyLength = 4096;

    public ILogger Logger => logger;

    public DataPulseMetrics Metrics => metrics;

    /// <summary>Whether anything listens at all; when not, an operation records nothing.</summary>
    public bool IsObserved => DataPulseTelemetry.ActivitySource.HasListeners() || metrics.Enabled || logger.IsEnabled(LogLevel.Warning);

    public void Started(CallContext call)
    {
        var request = call.Request;
        var activity = DataPulseTelemetry.ActivitySource.StartActivity(call.Operation, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("datapulse.operation", call.Operation);
            activity.SetTag("http.request.method", request.Method.Method);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
                activity.SetTag("url.full", FullUrl(uri, keyProvider.TryCurrent()));
            }
        }

        call.Activity = activity;
        if (logBodies && request.Content is JsonBody body && logger.IsEnabled(LogLevel.Debug))
        {
            LogText(call.Operation, "request", "application/json", Encoding.UTF8.GetString(body.Utf8));
        }
    }

    /// <summary>
    /// An attempt that failed with <paramref name="outcome"/> is retried after <paramref name="delay"/>: described as the
    /// call's end would be (<c>http.response.status_code</c> when an answer arrived, <c>error.type</c> always).
    /// </summary>
    public void Retrying(CallContext call, Outcome<HttpResponseMessage> outcome, TimeSpan delay)
    {
        int? status = outcome.Result is { } response ? (int)response.StatusCode : null;
        var errorType = status is { } code
            ? ErrorType(code, null)
            // What the call would throw were this its last attempt: the transport's exception as the factory maps it.
            : ErrorType(null, outcome.Exception is { } exception
                ? DataPulseExceptionFactory.Translate(exception, call.Operation, call.Request.RequestUri, call.CallerToken).GetType()
                : typeof(DataPulseException));
        if (logger.IsEnabled(LogLevel.Warning))
        {
            Log.Retrying(logger, call.Operation, call.Attempts, errorType, delay.TotalMilliseconds);
        }

        call.CountRetry();
        metrics.RecordRetry(call.Operation, call.Request, status, errorType);
        if (call.Activity is { } activity)
        {
            var tags = new ActivityTagsCollection { { "datapulse.attempt", call.Retries } };
            if (status is not null)
            {
                tags.Add("http.response.status_code", status);
            }

            tags.Add("error.type", errorType);
            activity.AddEvent(new ActivityEvent("datapulse.retry", tags: tags));
        }
    }

    /// <summary>
    /// The OpenTelemetry <c>error.type</c> of a failure, the same on spans, retry events and every instrument: the status
    /// code as text when an answer arrived (<c>"503"</c>), otherwise the full name of the exception the call throws
    /// (<c>DataPulse.Client.DataPulseConnectionException</c>).
    /// </summary>
    internal static string ErrorType(int? statusCode, Type? exceptionType) =>
        statusCode?.ToString(CultureInfo.InvariantCulture) ?? exceptionType?.FullName ?? exceptionType?.Name ?? "_OTHER";

    /// <summary>
    /// The level a failed call is logged at. Warning when something needs fixing or will fail again: the key is wrong or
    /// lacks a permission (401, 403), the rate limit was hit and not waited out (429), the service failed (5xx) or did not
    /// answer. Information for the other 4xx (400, 404, 409, 422, ...): answers about this request that the caller
    /// handles, such as an id that does not exist.
    /// </summary>
    internal static LogLevel FailureLevel(int? statusCode) => statusCode switch
    {
        401 or 403 or 429 => LogLevel.Warning,
        >= 400 and < 500 => LogLevel.Information,
        _ => LogLevel.Warning,
    };

    public void Succeeded(CallContext call, HttpResponseMessage response, TimeSpan duration)
    {
        var statusCode = (int)response.StatusCode;
        var traceId = ResponseHeaderReader.ReadTraceId(response.Headers);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var path = PathOf(call.Request);
            Log.OperationSucceeded(logger, call.Operation, call.Request.Method.Method, path, statusCode, duration.TotalMilliseconds, call.Attempts, traceId);
        }

        if (call.Activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("http.response.status_code", statusCode);
            activity.SetTag("datapulse.attempts", call.Attempts);
            activity.SetTag("datapulse.trace_id", traceId);
        }

        metrics.RecordDuration(duration, call.Operation, call.Request, statusCode, null);
        if (logBodies && logger.IsEnabled(LogLevel.Debug))
        {
            if (response.Content is BufferedContent buffered)
            {
                LogText(call.Operation, "response", buffered.MediaType, Encoding.UTF8.GetString(buffered.Span));
            }
            else
            {
                // Files (report downloads) are never read here: they can be hundreds of megabytes and are streamed to the caller.
                Log.BodyNotLogged(logger, call.Operation, "response", response.Content.Headers.ContentType?.MediaType);
            }
        }

        call.Activity?.Dispose();
    }

    public void Failed(CallContext call, Exception exception, TimeSpan duration, bool canceledByCaller)
    {
        var operation = call.Operation;
        var method = call.Request.Method.Method;
        var path = PathOf(call.Request);
        if (canceledByCaller)
        {
            var canceled = ErrorType(null, typeof(OperationCanceledException));
            Log.OperationCanceled(logger, operation, method, path, duration.TotalMilliseconds, call.Attempts);
            MarkFailed(call.Activity, null, canceled, call.Attempts, null);
            metrics.RecordDuration(duration, operation, call.Request, null, canceled);
            call.Activity?.Dispose();
            return;
        }

        var api = exception as DataPulseApiException;
        int? status = api is null ? null : (int)api.StatusCode;
        var errorType = ErrorType(status, exception.GetType());
        if (exception is DataPulseRateLimitException)
        {
            metrics.RecordRateLimited(operation, call.Request);
        }

        var level = FailureLevel(status);
        if (logger.IsEnabled(level))
        {
            // "none" rather than blanks when no answer arrived (a refused connection has no status or trace id).
            var exceptionName = exception.GetType().Name;
            var statusText = status?.ToString(CultureInfo.InvariantCulture) ?? "none";
            Log.OperationFailed(
                logger, level, operation, method, path, exceptionName, statusText, duration.TotalMilliseconds, call.Attempts, api?.TraceId ?? "none", exception);
        }

        if (logBodies && api?.ResponseBody is { } errorBody && logger.IsEnabled(LogLevel.Debug))
        {
            var mediaType = api.ResponseHeaders.TryGetValue("Content-Type", out var contentType) && contentType.Count > 0 ? contentType[0] : null;
            LogText(operation, "response", mediaType, errorBody);
        }

        MarkFailed(call.Activity, status, errorType, call.Attempts, api?.TraceId);
        metrics.RecordDuration(duration, operation, call.Request, status, errorType);
        call.Activity?.Dispose();
    }

    private static void MarkFailed(Activity? activity, int? status, string errorType, int attempts, string? traceId)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, errorType);
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("error.type", errorType);
            activity.SetTag("datapulse.attempts", attempts);
            if (status is { } code)
            {
                activity.SetTag("http.response.status_code", code);
            }

            if (traceId is not null)
            {
                activity.SetTag("datapulse.trace_id", traceId);
            }
        }
    }

    /// <summary>
    /// <c>url.full</c>: scheme, host, port and path, never the query (a query may carry SQL filters or personal data, and
    /// every value in it would need judging) nor user information; the key, were it in the path, scrubbed.
    /// </summary>
    internal static string FullUrl(Uri uri, string? apiKey)
    {
        var address = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return ApiKey.Scrub(address, apiKey) ?? address;
    }

    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? string.Empty;

    private void LogText(string operation, string direction, string? mediaType, string text)
    {
        if (!MediaTypes.IsJson(mediaType) && direction == "response" && mediaType is not null && !mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            Log.BodyNotLogged(logger, operation, direction, mediaType);
            return;
        }

        // Scrub before cutting, so that a key cut in two at the cap cannot slip through.
        var scrubbed = ApiKey.Scrub(text, keyProvider.TryCurrent()) ?? string.Empty;
        var shown = Math.Min(scrubbed.Length, MaxLoggedBodyLength);
        Log.Body(logger, operation, direction, mediaType, scrubbed.Length, shown, scrubbed[..shown]);
    }
}
