using System.Net;
using DataPulse.Client.Http;
using Polly;
using Polly.Timeout;

namespace DataPulse.Client.Resilience;

/// <summary>
/// The contract's retry table. 429, 502, 503, 504: retried (a <c>Retry-After</c> above the limit is not waited out).
/// 500, connection failures and attempt timeouts: retried only when the request is safe to repeat (GET, or a POST with
/// an <c>Idempotency-Key</c>). Everything else: sent once.
/// </summary>
internal static class RetryClassifier
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        var request = context.Properties.GetValue(ResilienceKeys.Request, null!);
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                OperationCanceledException => false,
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
                !(ResponseHeaderReader.ReadRetryAfter(response.Headers, timeProvider) > maxRetryAfter),
            HttpStatusCode.InternalServerError => IsSafeToRepeat(request),
            _ => false,
        };
    }

    /// <summary>The server's <c>Retry-After</c>, when the answer has one; null lets the exponential backoff decide.</summary>
    public static TimeSpan? RetryAfterOf(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider) =>
        outcome.Result is { } response ? ResponseHeaderReader.ReadRetryAfter(response.Headers, timeProvider) : null;

    public static bool IsSafeToRepeat(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get
            || request.Method == HttpMethod.Head
            || request.Method == HttpMethod.Delete
            || request.Headers.Contains(IdempotencyKeyHeader));
}
