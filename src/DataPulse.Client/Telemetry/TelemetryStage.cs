using System.Runtime.CompilerServices;
using DataPulse.Client.Calls;
using Polly;

namespace DataPulse.Client.Telemetry;

/// <summary>
/// Per call, outermost: one span, one log entry and one duration measurement for the whole call, every attempt and wait
/// included, recording the one result or exception the stages inside settled on. With nothing listening it adds nothing:
/// not even an asynchronous step.
/// </summary>
internal sealed class TelemetryStage(CallTelemetry telemetry, TimeProvider timeProvider) : ResilienceStrategy<HttpResponseMessage>
{
    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state) =>
        telemetry.IsObserved ? ObservedAsync(callback, context, state) : callback(context, state);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> ObservedAsync<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = CallContext.Of(context);
        telemetry.Started(call);
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        var elapsed = timeProvider.GetElapsedTime(call.StartedAt);
        if (outcome.Exception is { } exception)
        {
            telemetry.Failed(call, exception, elapsed, canceledByCaller: exception is OperationCanceledException);
        }
        else
        {
            telemetry.Succeeded(call, outcome.Result!, elapsed);
        }

        return outcome;
    }
}
