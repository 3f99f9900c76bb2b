using System.Net;
using DataPulse.Client.Http;
using Polly;
using Polly.Timeout;

namespace DataPulse.Client.Resilience;

/// <summary>
/// The contract's retry table. 429, 502, 503, 504: retried, waiting what <c>Retry-After</c> says; a <c>Retry-After</c>
/// above <see cref="DataPulseClientOptions.MaxRetryAfter"/>, or one that would run past the overall deadline, is not
/// waited out (the answer goes to the caller at once). 500, connection failures and attempt timeouts: retried only when
/// the request is safe to repeat (GET, or any request carrying an <c>Idempotency-Key</c>). Everything else: sent once.
/// </summary>
internal static class RetryClassifier
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter, TimeSpan overallTimeout, TimeProvider timeProvider)
    {
        var request = context.Properties.GetValue(ResilienceKeys.Request, null!);
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                // The caller's token, or the overall deadline: never retried.
                OperationCanceledException when context.CancellationToken.IsCancellationRequested => false,
                // Any other cancellation is a transport limit (SocketsHttpHandler.ConnectTimeout, a caller HttpClient's
                // Timeout): no answer arrived, like a connection failure.
                OperationCanceledException => IsSafeToRepeat(request),
                HttpRequestException or TimeoutRejectedException => IsSafeToRepeat(request),
                _ => false,
            };
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout =>
                IsWaitAcceptable(ResponseHeaderReader.ReadRetryAfter(response.Headers, timeProvider), context, maxRetryAfter, overallTimeout, timeProvider),
            HttpStatusCode.InternalServerError => IsSafeToRepeat(request),
            _ => false,
        };
    }

    /// <summary>The server's <c>Retry-After</c>, when the answer has one; null lets the exponential backoff decide.</summary>
    public static TimeSpan? RetryAfterOf(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider) =>
        outcome.Result is { } response ? ResponseHeaderReader.ReadRetryAfter(response.Headers, timeProvider) : null;

    /// <summary>GET and HEAD are safe to repeat; anything else only with an <c>Idempotency-Key</c> the server deduplicates on.</summary>
    public static bool IsSafeToRepeat(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get
            || request.Method == HttpMethod.Head
            || request.Headers.Contains(IdempotencyKeyHeader));

    private static bool IsWaitAcceptable(TimeSpan? retryAfter, ResilienceContext context, TimeSpan maxRetryAfter, TimeSpan overallTimeout, TimeProvider timeProvider)
    {
        if (retryAfter is not { } wait)
        {
            return true;
        }

        if (wait > maxRetryAfter)
        {
            return false;
        }

        // Waiting out a Retry-After that ends after the overall deadline would only turn the server's answer into a timeout.
        return !context.Properties.TryGetValue(ResilienceKeys.StartedAt, out var startedAt)
            || timeProvider.GetElapsedTime(startedAt) + wait < overallTimeout;
    }
}
