using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using DataPulse.Client.Calls;
using DataPulse.Client.Errors;
using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// Per attempt: waits for a lease from <see cref="ServerWindowRateLimiter"/> before the attempt and shows it the answer
/// after. Inside the retry and outside the attempt deadline, so a paced wait is bounded by the call's overall deadline and
/// its cancellation, never counted as a slow attempt. A wait longer than <c>MaxRetryAfter</c>, or one ending after the
/// overall deadline, is not started: the call fails at once, as a 429 with such a <c>Retry-After</c> would.
/// </summary>
internal sealed class PacingStage(ServerWindowRateLimiter limiter, TimeProvider timeProvider, TimeSpan maxRetryAfter, ILogger logger, DataPulseMetrics metrics)
    : ResilienceStrategy<HttpResponseMessage>
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = CallContext.Of(context);
        RateLimitLease lease;
        try
        {
            lease = await AcquireAsync(call).ConfigureAwait(false);
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
                var window = await limiter.ObserveAsync(response, CancellationToken.None).ConfigureAwait(false);
                if (lease is ServerWindowRateLimiter.Lease counted)
                {
                    counted.AnswerHadWindow = window != RateLimitInfo.None;
                }
            }

            return outcome;
        }
    }

    private async ValueTask<RateLimitLease> AcquireAsync(CallContext call)
    {
        while (true)
        {
            var lease = await limiter.AcquireAsync(1, call.CallerToken).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                return lease;
            }

            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.Zero;
            lease.Dispose();
            if (wait > maxRetryAfter)
            {
                throw DataPulseExceptionFactory.RateLimitHeld(call.Operation, wait, maxRetryAfter, limiter.LastWindow, DataPulseClientReason.RateLimitWindowSpent, maxRetryAfter);
            }

            if (wait >= call.Remaining(timeProvider))
            {
                throw DataPulseExceptionFactory.RateLimitPastDeadline(call.Operation, call.Timeout, wait, DataPulseClientReason.RateLimitWindowSpent);
            }

            RateLimitTelemetry.RecordPacedWait(logger, metrics, call.Operation, call.Request, wait);
            await Task.Delay(wait, timeProvider, call.CallerToken).ConfigureAwait(false);
        }
    }
}
