using System.Net;
using System.Runtime.CompilerServices;
using DataPulse.Client.Calls;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// Per attempt, inside the retry and outside the attempt deadline: asks the <see cref="IRateLimitStore"/> whether the
/// attempt may go, and tells it the answer after. Holds an attempt only on the server's own words (a pause from a 429's
/// <c>Retry-After</c>, or <c>Remaining: 0</c> until a reset still ahead), re-deciding at every answer, first come first
/// served; the client's own count of requests out only ever makes an attempt wait for the next answer. A hold longer than
/// <see cref="DataPulseClientOptions.MaxRetryAfter"/> fails the call at once (<see cref="DataPulseRateLimitException"/>),
/// except for one probe per interval, whose answer ends or renews the hold; a hold past the call's overall deadline fails
/// it at once as a timeout. Nothing is ever held for an unbounded time, and nothing is held at all with no words from the
/// server.
/// </summary>
internal sealed class PacingStage(
    IRateLimitStore store, RateLimitScope scope, TimeProvider timeProvider, TimeSpan maxRetryAfter, ILogger logger, DataPulseMetrics metrics)
    : ResilienceStrategy<HttpResponseMessage>
{
    /// <summary>The longest the server's words are trusted without asking again, while they hold every call: one probe per this.</summary>
    public static readonly TimeSpan MaxProbeInterval = TimeSpan.FromMinutes(1);

    /// <summary>Paced waits longer than this are logged at Information (once per window); shorter ones at Debug.</summary>
    public static readonly TimeSpan NoticeableWait = TimeSpan.FromSeconds(1);

    // How long past the call's own deadline a shared store keeps counting a request out with no answer recorded.
    private static readonly TimeSpan LeaseSlack = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _probeInterval = maxRetryAfter < MaxProbeInterval ? maxRetryAfter : MaxProbeInterval;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = CallContext.Of(context);
        Lease lease;
        try
        {
            lease = await AcquireAsync(call).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        await RecordAsync(call, lease, outcome).ConfigureAwait(false);
        return outcome;
    }

    private async ValueTask<Lease> AcquireAsync(CallContext call)
    {
        RateLimitScope.Waiter? waiter = null;
        var paced = false;
        try
        {
            // First come, first served: with callers already waiting, a new one waits behind them.
            if (scope.HasWaiters)
            {
                waiter = scope.Join();
                await WaitForTurnAsync(waiter, call).ConfigureAwait(false);
            }

            while (true)
            {
                var answersBefore = scope.Answers;
                var now = timeProvider.GetUtcNow();
                var leaseId = scope.NextLeaseId();
                var request = new RateLimitRequest(now, leaseId, now + call.Remaining(timeProvider) + LeaseSlack, scope.InFlight, maxRetryAfter, _probeInterval);
                var grant = await store.AcquireAsync(scope.Name, request, CancellationToken.None).ConfigureAwait(false);
                if (grant.IsGranted)
                {
                    scope.Sent();
                    if (grant.Status == RateLimitGrantStatus.Probe)
                    {
                        RateLimitTelemetry.RecordProbe(logger, metrics, call.Operation, call.Request, grant.RetryAt!.Value - now, grant.Reason);
                    }

                    return new Lease(leaseId, now, grant);
                }

                var wait = (grant.RetryAt ?? now) - now;
                if (grant.Status == RateLimitGrantStatus.Refused)
                {
                    var reason = ClientReasonOf(grant.Reason);
                    RateLimitTelemetry.RecordRefusal(logger, metrics, call.Operation, call.Request, wait, scope.IsNewHold(grant.RetryAt!.Value));
                    throw DataPulseExceptionFactory.RateLimitHeld(call.Operation, wait, maxRetryAfter, WindowOf(grant), reason, _probeInterval);
                }

                var remaining = call.Remaining(timeProvider);
                if (grant.Status == RateLimitGrantStatus.WaitUntil && wait >= remaining)
                {
                    throw DataPulseExceptionFactory.RateLimitPastDeadline(call.Operation, call.Timeout, call.TimeoutSetting, wait, ClientReasonOf(grant.Reason));
                }

                if (!paced)
                {
                    paced = true;
                    RateLimitTelemetry.RecordPacedWait(
                        logger, metrics, call.Operation, call.Request, grant.Status == RateLimitGrantStatus.WaitUntil ? wait : null,
                        noticeable: grant.Status == RateLimitGrantStatus.WaitUntil && wait > NoticeableWait && scope.IsNewHold(grant.RetryAt!.Value));
                }

                waiter ??= scope.Join();
                var wake = waiter.Arm();
                if (scope.Answers != answersBefore)
                {
                    // An answer arrived while this caller decided to wait: it may change the decision.
                    continue;
                }

                await WaitAsync(wake, grant.Status == RateLimitGrantStatus.WaitUntil ? wait : null, remaining, call).ConfigureAwait(false);
            }
        }
        finally
        {
            if (waiter is not null)
            {
                scope.Leave(waiter);
            }
        }
    }

    private async ValueTask WaitForTurnAsync(RateLimitScope.Waiter waiter, CallContext call)
    {
        while (!scope.IsFirst(waiter))
        {
            await WaitAsync(waiter.Arm(), null, call.Remaining(timeProvider), call).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the next wake, or until <paramref name="hold"/> ends; never past the call's deadline, and cancellable.</summary>
    private async ValueTask WaitAsync(Task wake, TimeSpan? hold, TimeSpan remaining, CallContext call)
    {
        if (remaining <= TimeSpan.Zero)
        {
            throw DataPulseExceptionFactory.OverallTimedOut(call.Operation, call.Timeout, call.TimeoutSetting);
        }

        var holdEndsFirst = hold is { } untilHoldEnds && untilHoldEnds < remaining;
        try
        {
            await wake.WaitAsync(holdEndsFirst ? hold!.Value : remaining, timeProvider, call.CallerToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (holdEndsFirst)
        {
            // The hold ended: ask again.
        }
        catch (TimeoutException)
        {
            throw DataPulseExceptionFactory.OverallTimedOut(call.Operation, call.Timeout, call.TimeoutSetting);
        }
    }

    private async ValueTask RecordAsync(CallContext call, Lease lease, Outcome<HttpResponseMessage> outcome)
    {
        try
        {
            var response = outcome.Result;
            var tooMany = response?.StatusCode == HttpStatusCode.TooManyRequests;
            var answer = new RateLimitAnswer(
                lease.Id,
                lease.SentAt,
                timeProvider.GetUtcNow(),
                Answered: response is not null,
                TooManyRequests: tooMany,
                RetryAfter: tooMany ? ResponseHeaderReader.ReadRetryAfter(response!.Headers, timeProvider) : null,
                Window: response is null ? RateLimitInfo.None : ResponseHeaderReader.InfoOf(response, timeProvider).RateLimit,
                GrantedWith: lease.Grant);
            await store.RecordAsync(scope.Name, answer, CancellationToken.None).ConfigureAwait(false);
            if (lease.Grant.Status == RateLimitGrantStatus.Probe)
            {
                RateLimitTelemetry.RecordProbeAnswer(logger, call.Operation, response is null ? null : (int)response.StatusCode);
            }
        }
        finally
        {
            scope.Answered();
        }
    }

    private static DataPulseClientReason ClientReasonOf(RateLimitHoldReason reason) =>
        reason == RateLimitHoldReason.Paused ? DataPulseClientReason.RateLimitPaused : DataPulseClientReason.RateLimitWindowSpent;

    private static RateLimitInfo WindowOf(RateLimitGrant grant) => new() { Limit = grant.Limit, Remaining = grant.Remaining, ResetsAt = grant.ResetsAt };

    private readonly record struct Lease(long Id, DateTimeOffset SentAt, RateLimitGrant Grant);
}
