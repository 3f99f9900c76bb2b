using System.Net;
using System.Threading.RateLimiting;
using DataPulse.Client.Http;
using DataPulse.Client.Pipeline;
using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// Paces every attempt against the server's window: waits for a lease from <see cref="ServerWindowRateLimiter"/> before
/// the attempt and shows it the answer after. Sits inside the retry and outside the attempt timeout, so a paced wait
/// is bounded by the call's overall <see cref="DataPulseClientOptions.Timeout"/> and its cancellation, never counted
/// as a slow attempt. A wait longer than <see cref="DataPulseClientOptions.MaxRetryAfter"/>, or one ending after the
/// overall deadline, is not started: the call fails at once, as a 429 with such a <c>Retry-After</c> would.
/// </summary>
internal sealed class RateLimitPacingStrategy(
    ServerWindowRateLimiter limiter, TimeProvider timeProvider, TimeSpan maxRetryAfter, TimeSpan overallTimeout, ILogger logger, DataPulseMetrics metrics)
    : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        RateLimitLease lease;
        try
        {
            lease = await AcquireAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        using (lease)
        {
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Result is { } response)
            {
                var window = RateLimitInfo.None;
                try
                {
                    window = await limiter.ObserveAsync(response, context.CancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The caller gave up after the answer arrived; the answer itself still stands.
                    window = ResponseHeaderReader.ReadRateLimit(response.Headers);
                }

                if (lease is ServerWindowRateLimiter.Lease counted)
                {
                    counted.AnswerHadWindow = window != RateLimitInfo.None;
                }
            }

            return outcome;
        }
    }

    private async ValueTask<RateLimitLease> AcquireAsync(ResilienceContext context)
    {
        while (true)
        {
            var lease = await limiter.AcquireAsync(1, context.CancellationToken).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                return lease;
            }

            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.Zero;
            lease.Dispose();
            var call = CallState.Of(context);
            var operation = call.Operation;
            if (wait > maxRetryAfter)
            {
                throw WindowSpent(operation, wait);
            }

            if (timeProvider.GetElapsedTime(call.StartedAt) + wait >= overallTimeout)
            {
                throw new DataPulseTimeoutException(
                    $"{operation} did not complete within the overall timeout of {overallTimeout} (DataPulseClientOptions.Timeout): the API key's rate-limit window is spent for another {Seconds(wait)} s, past the deadline, so nothing more was sent.",
                    DataPulseTimeoutKind.Overall, overallTimeout, operation);
            }

            RateLimitTelemetry.RecordPacedWait(logger, metrics, operation, call.Request, wait);
            await Task.Delay(wait, timeProvider, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private DataPulseRateLimitException WindowSpent(string operation, TimeSpan wait)
    {
        var error = new DataPulseApiError { StatusCode = HttpStatusCode.TooManyRequests };
        return new DataPulseRateLimitException(
            $"{operation} was not sent: the API key's rate-limit window is spent for another {Seconds(wait)} s, longer than DataPulseClientOptions.MaxRetryAfter ({Seconds(maxRetryAfter)} s). Retry after {Seconds(wait)} s.",
            error, wait, limiter.LastWindow, operation);
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
