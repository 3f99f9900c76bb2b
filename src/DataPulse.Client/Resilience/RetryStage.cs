using System.Runtime.CompilerServices;
using DataPulse.Client.Calls;
using DataPulse.Client.RateLimiting;
using DataPulse.Client.Telemetry;
using Polly;

namespace DataPulse.Client.Resilience;

/// <summary>
/// Per call: repeats the attempt per the contract's retry table (<see cref="RetryClassifier"/>), waiting what
/// <c>Retry-After</c> says or a jittered backoff, never past the overall deadline, at most the call's
/// <see cref="CallContext.MaxRetries"/> times (the client's, or the call's own), and only
/// while the retry budget allows (a 429 with <c>Retry-After</c> is the server pacing the client, not an outage: it never
/// touches the budget). When the budget refuses, the reason is left on the <see cref="CallContext"/> for the outcome stage.
/// Kept instead of Polly's retry strategy because the decision and the wait are one choice here (a wait past the deadline
/// or above the <c>Retry-After</c> ceiling means "do not retry"), which Polly splits over two callbacks.
/// </summary>
internal sealed class RetryStage(RetryRules rules, RetryBudget? budget, CallTelemetry telemetry) : ResilienceStrategy<HttpResponseMessage>
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = CallContext.Of(context);
        for (var retry = 0; ; retry++)
        {
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Result is { IsSuccessStatusCode: true })
            {
                if (budget is not null)
                {
                    await budget.RecordSuccessAsync().ConfigureAwait(false);
                }

                return outcome;
            }

            var delay = RetryClassifier.NextDelay(outcome, call.Request, retry, call.Remaining(rules.TimeProvider), rules, call.CallerToken);
            if (delay is not { } wait)
            {
                return outcome;
            }

            var allowed = retry < call.MaxRetries;
            if (budget is not null && !RetryClassifier.IsServerPacing(outcome))
            {
                var (permits, tokensLeft) = await budget.TakeForRetryAsync().ConfigureAwait(false);
                if (allowed && !permits)
                {
                    call.NotRetriedBecause = DataPulseClientReason.RetryBudgetSpent;
                    RateLimitTelemetry.RecordBudgetRefusal(telemetry.Logger, telemetry.Metrics, call.Operation, call.Request, tokensLeft, budget.MaxTokens);
                    return outcome;
                }
            }

            if (!allowed)
            {
                return outcome;
            }

            telemetry.Retrying(call, outcome, wait);
            outcome.Result?.Dispose();
            try
            {
                await Task.Delay(wait, rules.TimeProvider, call.CallerToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex)
            {
                return Outcome.FromException<HttpResponseMessage>(ex);
            }
        }
    }
}
