using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataPulse.Client.Internal;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.Http;

/// <summary>
/// The outermost handler, on the direct and the dependency-injection path alike: one log entry, one span and one
/// duration measurement per operation (every attempt and wait included), after <see cref="ErrorMappingHandler"/> has
/// turned the answer into a result or a typed exception. Writes neither the key nor the Authorization header anywhere;
/// bodies only when <see cref="DataPulseClientOptions.LogBodies"/> is on, capped at
/// <see cref="DataPulseClientOptions.MaxLoggedBodyLength"/> characters. With no listener, logger or meter attached it
/// only passes the request on.
/// </summary>
internal sealed class TelemetryHandler(ILogger logger, DataPulseMetrics metrics, ApiKeyProvider keyProvider, TimeProvider timeProvider, bool logBodies)
    : DelegatingHandler
{
    private const string Redacted = "REDACTED";

    // Query parameters whose values OpenTelemetry asks to redact from url.full; the API itself takes no secret in a query.
    private static readonly HashSet<string> SensitiveQueryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "api_key", "apikey", "key", "token", "access_token", "auth", "authorization", "password", "secret",
        "sig", "signature", "AWSAccessKeyId", "X-Amz-Signature", "X-Amz-Credential", "X-Goog-Signature",
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tracing = DataPulseTelemetry.ActivitySource.HasListeners();
        if (!tracing && !metrics.Enabled && !logger.IsEnabled(LogLevel.Warning))
        {
            return base.SendAsync(request, cancellationToken);
        }

        return SendObservedAsync(request, tracing, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, bool tracing, CancellationToken cancellationToken)
    {
        var operation = OperationName.Of(request);
        var method = request.Method.Method;
        var path = PathOf(request);
        using var activity = tracing ? StartActivity(request, operation) : null;
        var state = new OperationTelemetry(metrics, activity);

        // Set inside this async method, so it flows to the retry strategy below and is undone when the method returns.
        DataPulseTelemetry.Current = state;
        var started = timeProvider.GetTimestamp();

        if (logBodies && request.Content is { } requestContent)
        {
            await LogBodyAsync(operation, "request", requestContent, cancellationToken).ConfigureAwait(false);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var elapsed = timeProvider.GetElapsedTime(started);
            const string canceled = "System.OperationCanceledException";
            Log.OperationCanceled(logger, operation, method, path, elapsed.TotalMilliseconds, state.Attempts);
            MarkFailed(activity, null, canceled, state.Attempts, null);
            metrics.RecordDuration(elapsed, operation, request, null, canceled);
            throw;
        }
        catch (Exception ex)
        {
            var elapsed = timeProvider.GetElapsedTime(started);
            var api = ex as DataPulseApiException;
            int? status = api is null ? null : (int)api.StatusCode;
            var errorType = status?.ToString(CultureInfo.InvariantCulture) ?? ex.GetType().FullName ?? ex.GetType().Name;
            if (ex is DataPulseRateLimitException)
            {
                metrics.RecordRateLimited(operation);
            }

            // "none" rather than blanks when no answer arrived (a refused connection has no status or trace id).
            Log.OperationFailed(
                logger, operation, method, path, ex.GetType().Name, status?.ToString(CultureInfo.InvariantCulture) ?? "none",
                elapsed.TotalMilliseconds, state.Attempts, api?.TraceId ?? "none", ex);
            if (logBodies && api?.ResponseBody is { } errorBody && logger.IsEnabled(LogLevel.Debug))
            {
                var mediaType = api.ResponseHeaders.TryGetValue("Content-Type", out var contentType) && contentType.Count > 0 ? contentType[0] : null;
                LogText(operation, "response", mediaType, errorBody);
            }

            MarkFailed(activity, status, errorType, state.Attempts, api?.TraceId);
            metrics.RecordDuration(elapsed, operation, request, status, errorType);
            throw;
        }

        var duration = timeProvider.GetElapsedTime(started);
        var statusCode = (int)response.StatusCode;
        var traceId = ResponseHeaderReader.ReadTraceId(response.Headers);
        Log.OperationSucceeded(logger, operation, method, path, statusCode, duration.TotalMilliseconds, state.Attempts, traceId);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.response.status_code", statusCode);
            activity.SetTag("datapulse.attempts", state.Attempts);
            activity.SetTag("datapulse.trace_id", traceId);
        }

        metrics.RecordDuration(duration, operation, request, statusCode, null);

        if (logBodies)
        {
            try
            {
                await LogBodyAsync(operation, "response", response.Content, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The caller never receives this response, so nothing else would release its connection.
                response.Dispose();
                throw;
            }
        }

        return response;
    }

    private Activity? StartActivity(HttpRequestMessage request, string operation)
    {
        var activity = DataPulseTelemetry.ActivitySource.StartActivity(operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("datapulse.operation", operation);
            activity.SetTag("http.request.method", request.Method.Method);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
                activity.SetTag("url.full", FullUrl(uri, keyProvider.TryCurrent()));
            }
        }

        return activity;
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

    /// <summary>The address without user information, sensitive query values redacted and the key, were it there, scrubbed.</summary>
    internal static string FullUrl(Uri uri, string? apiKey)
    {
        var address = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var query = uri.Query;
        if (query.Length > 1)
        {
            var text = new StringBuilder(address).Append('?');
            var first = true;
            foreach (var pair in query[1..].Split('&'))
            {
                if (!first)
                {
                    text.Append('&');
                }

                first = false;
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                if (equals >= 0 && SensitiveQueryNames.Contains(Uri.UnescapeDataString(name)))
                {
                    text.Append(name).Append('=').Append(Redacted);
                }
                else
                {
                    text.Append(pair);
                }
            }

            address = text.ToString();
        }

        return ApiKey.Scrub(address, apiKey) ?? address;
    }

    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? string.Empty;

    private async Task LogBodyAsync(string operation, string direction, HttpContent content, CancellationToken cancellationToken)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var mediaType = content.Headers.ContentType?.MediaType;
        if (!MediaTypes.IsJson(mediaType))
        {
            // Files (report downloads) are never read here: they can be hundreds of megabytes and are streamed to the caller.
            Log.BodyNotLogged(logger, operation, direction, mediaType);
            return;
        }

        string text;
        try
        {
            // Buffers the JSON body so that the caller (and a retry) can still read it afterwards.
            text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException)
        {
            return;
        }

        LogText(operation, direction, mediaType, text);
    }

    private void LogText(string operation, string direction, string? mediaType, string text)
    {
        // Scrub before cutting, so that a key cut in two at the cap cannot slip through.
        var scrubbed = ApiKey.Scrub(text, keyProvider.TryCurrent()) ?? string.Empty;
        var shown = Math.Min(scrubbed.Length, DataPulseClientOptions.MaxLoggedBodyLength);
        Log.Body(logger, operation, direction, mediaType, scrubbed.Length, shown, scrubbed[..shown]);
    }
}
