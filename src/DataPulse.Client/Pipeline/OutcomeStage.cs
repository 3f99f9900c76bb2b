using System.Runtime.CompilerServices;
using DataPulse.Client.Calls;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using Polly;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// Per call: refuses an address the key must not travel to before anything is sent, and turns the last attempt's outcome
/// into the call's result (a success) or its one exception, built by <see cref="DataPulseExceptionFactory"/> with the
/// reason the retry stage left on the <see cref="CallContext"/>.
/// </summary>
internal sealed class OutcomeStage(ApiKeyProvider keys, TimeProvider timeProvider) : ResilienceStrategy<HttpResponseMessage>
{
    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = CallContext.Of(context);
        if (call.Request.RequestUri is not { } target || !TransportSecurity.IsAllowed(target))
        {
            return new(Outcome.FromException<HttpResponseMessage>(DataPulseExceptionFactory.InsecureAddress(call.Operation, call.Request.RequestUri)));
        }

        return SettleAsync(callback, context, state, call, target);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> SettleAsync<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state, CallContext call, Uri target)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Exception is { } exception)
        {
            return Outcome.FromException<HttpResponseMessage>(
                DataPulseExceptionFactory.Translate(exception, call.Operation, target, call.CallerToken, call.NotRetriedBecause));
        }

        var response = outcome.Result!;
        if (response.IsSuccessStatusCode)
        {
            return outcome;
        }

        using (response)
        {
            return Outcome.FromException<HttpResponseMessage>(
                DataPulseExceptionFactory.FromResponse(call.Operation, response, keys.TryCurrent(), timeProvider, call.NotRetriedBecause));
        }
    }
}
