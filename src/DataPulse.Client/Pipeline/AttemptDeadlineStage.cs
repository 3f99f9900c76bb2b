using System.Runtime.CompilerServices;
using DataPulse.Client.Calls;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using Polly;
using Polly.Timeout;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// Per attempt: bounds everything inside it (the caller's strategies, sending, reading the body) by one timer, the nearer
/// of the call's <see cref="CallContext.AttemptTimeout"/> and what is left of its overall deadline (each the client's, or
/// the call's own <see cref="DataPulseRequestOptions"/>), and says which
/// of the two fired (<see cref="DeadlineExceededException"/>). The caller's cancellation, and a cancellation from a strategy
/// outside this one (the context's token), still end the attempt as a cancellation. One pooled timer per attempt instead
/// of Polly's two timeout strategies (<see cref="AttemptDeadlines"/>).
/// </summary>
internal sealed class AttemptDeadlineStage(TimeProvider timeProvider) : ResilienceStrategy<HttpResponseMessage>
{
    private readonly AttemptDeadlines _deadlines = new(timeProvider);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = CallContext.Of(context);
        var remaining = call.Remaining(timeProvider);
        if (remaining <= TimeSpan.Zero)
        {
            return Outcome.FromException<HttpResponseMessage>(new DeadlineExceededException(overall: true, call.Timeout, call.TimeoutSetting));
        }

        var attemptTimeout = call.AttemptTimeout;
        var boundByOverall = remaining <= attemptTimeout;
        var deadline = _deadlines.Start(boundByOverall ? remaining : attemptTimeout);
        var caller = call.CallerToken;
        var callerLink = caller.CanBeCanceled ? caller.UnsafeRegister(CancelDeadline, deadline) : default;

        // A strategy outside this stage (Polly's timeout in a caller's own ResiliencePipeline) cancels through the context's
        // token: the attempt must see that too, or the caller's timeout would never cut it.
        var outer = context.CancellationToken;
        var outerLink = outer.CanBeCanceled && outer != caller ? outer.UnsafeRegister(CancelDeadline, deadline) : default;

        // Everything inside sees the deadline as its token: Polly lets only its own strategies replace a context's token,
        // so the attempt runs on a pooled context of its own that carries the call.
        var attempt = ResilienceContextPool.Shared.Get(new ResilienceContextCreationArguments(context.OperationKey, context.ContinueOnCapturedContext, deadline.Token));
        attempt.Properties.Set(CallContext.Key, call);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await callback(attempt, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(attempt);
            callerLink.Dispose();
            outerLink.Dispose();
        }

        if (deadline.IsCancellationRequested && !caller.IsCancellationRequested && !outer.IsCancellationRequested
            && outcome.Exception is OperationCanceledException or IOException or HttpRequestException or TimeoutRejectedException)
        {
            outcome = Outcome.FromException<HttpResponseMessage>(new DeadlineExceededException(
                boundByOverall, boundByOverall ? call.Timeout : attemptTimeout, boundByOverall ? call.TimeoutSetting : call.AttemptTimeoutSetting));
        }

        // A streamed body is read after the attempt: its deadline is not handed to another call.
        _deadlines.End(deadline, reusable: outcome.Result is not { IsSuccessStatusCode: true, Content: not BufferedContent });
        return outcome;
    }

    private static void CancelDeadline(object? deadline) => ((CancellationTokenSource)deadline!).Cancel();
}
