using System.Net;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using Polly;
using Polly.Timeout;

namespace DataPulse.Client.Resilience;

/// <summary>
/// The contract's retry table, and the wait before each retry. 429, 502, 503, 504: retried, waiting what
/// <c>Retry-After</c> says; a <c>Retry-After</c> above <see cref="DataPulseClientOptions.MaxRetryAfter"/> is not waited
/// out (the answer goes to the caller at once). 500, connection failures, attempt and transport timeouts: retried only
/// when the request is safe to repeat (GET, or any request carrying an <c>Idempotency-Key</c>). Everything else: sent
/// once. A wait that would end after the overall deadline is not started: the last answer goes to the caller instead.
/// </summary>
internal static class RetryClassifier
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The wait before retrying <paramref name="outcome"/>, or null when it must not be retried.</summary>
    /// <param name="outcome">What the attempt ended with.</param>
    /// <param name="request">The request, to tell whether it is safe to repeat.</param>
    /// <param name="retryIndex">0 before the first retry.</param>
    /// <param name="remaining">What is left of the overall deadline.</param>
    /// <param name="rules">The caller's retry settings.</param>
    /// <param name="callerToken">The caller's token: its cancellation is never retried.</param>
    public static TimeSpan? NextDelay(
        Outcome<HttpResponseMessage> outcome, HttpRequestMessage request, int retryIndex, TimeSpan remaining, RetryRules rules, CancellationToken callerToken)
    {
        var delay = outcome.Exception is { } exception
            ? IsRetriable(exception, request, callerToken) ? rules.Backoff(retryIndex) : (TimeSpan?)null
            : outcome.Result is { } response ? DelayFor(response, request, retryIndex, rules) : null;

        // Waiting past the overall deadline would only turn the server's answer into a timeout.
        return delay is { } wait && wait < remaining ? wait : null;
    }

    /// <summary>GET and HEAD are safe to repeat; anything else only with an <c>Idempotency-Key</c> the server deduplicates on.</summary>
    public static bool IsSafeToRepeat(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get
            || request.Method == HttpMethod.Head
            || request.Headers.NonValidated.Contains(IdempotencyKeyHeader));

    private static bool IsRetriable(Exception exception, HttpRequestMessage request, CancellationToken callerToken) => exception switch
    {
        _ when callerToken.IsCancellationRequested => false,
        DeadlineExceededException { Overall: true } => false,
        // Never resent: a redirect elsewhere was refused, or the answer was too large to read.
        RedirectRefusedException or ResponseTooLargeException => false,
        // No answer arrived in time, or at all: repeat what may be repeated.
        DeadlineExceededException or HttpRequestException or IOException => IsSafeToRepeat(request),
        // Raised by strategies a caller added (ConfigureResilience), or a transport limit (a caller HttpClient's Timeout).
        TimeoutRejectedException or OperationCanceledException => IsSafeToRepeat(request),
        // The client's own decision below the retry (the pacer's refusal) is final; so is an overall timeout.
        DataPulseException { ClientReason: not DataPulseClientReason.None } or DataPulseTimeoutException { Kind: DataPulseTimeoutKind.Overall } => false,
        // Raised as DataPulse exceptions by a caller's strategy or transport: no answer arrived.
        DataPulseTimeoutException or DataPulseConnectionException => IsSafeToRepeat(request),
        _ => false,
    };

    /// <summary>A 429 that says when to come back: the server's own instruction, paced, never counted as an outage.</summary>
    public static bool IsServerPacing(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response && response.Headers.NonValidated.Contains(ResponseHeaderReader.RetryAfterHeader);

    private static TimeSpan? DelayFor(HttpResponseMessage response, HttpRequestMessage request, int retryIndex, RetryRules rules)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout:
                var retryAfter = ResponseHeaderReader.ReadRetryAfter(response.Headers, rules.TimeProvider);
                return retryAfter is { } wait
                    ? wait <= rules.MaxRetryAfter ? wait : null
                    : rules.Backoff(retryIndex);
            case HttpStatusCode.InternalServerError:
                return IsSafeToRepeat(request) ? rules.Backoff(retryIndex) : null;
            default:
                return null;
        }
    }
}
