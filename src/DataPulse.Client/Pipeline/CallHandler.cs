using System.Runtime.ExceptionServices;
using DataPulse.Client.Calls;
using DataPulse.Client.Configuration;
using DataPulse.Client.Http;
using Polly;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// Where Refit's requests enter the SDK's call path: starts the call's <see cref="CallContext"/> (with the client's limits,
/// or the call's own <see cref="DataPulseRequestOptions"/> where it sets them) and runs it through the pipeline
/// <see cref="CallPipeline"/> built; the outcome is the answer (a success) or the one exception.
/// </summary>
internal sealed class CallHandler(
    ResiliencePipeline<HttpResponseMessage> pipeline, SendStage send, TimeProvider timeProvider, CallLimits limits, Action? onDispose = null)
    : HttpMessageHandler
{
    /// <summary>Set (through Refit's <c>[Property]</c>) on operations whose successful answer is a file to stream.</summary>
    public const string StreamsOption = "DataPulse.Streams";

    /// <summary>
    /// Set (through Refit's <c>[Property]</c>) on a call that has options of its own: its checked <see cref="CallOptions"/>.
    /// Each operation is declared twice, with and without it: Refit records three options of its own on every request,
    /// and a fourth would grow the request's options dictionary, on every call.
    /// </summary>
    public const string RequestOptionsOption = "DataPulse.RequestOptions";

    private static readonly HttpRequestOptionsKey<bool> StreamsKey = new(StreamsOption);
    private static readonly HttpRequestOptionsKey<CallOptions> RequestOptionsKey = new(RequestOptionsOption);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var own = request.Options.TryGetValue(RequestOptionsKey, out var options) ? options : null;
        var call = new CallContext(
            request,
            OperationName.Of(request),
            request.Options.TryGetValue(StreamsKey, out var streams) && streams,
            timeProvider.GetTimestamp(),
            own is null ? limits : limits.With(own.Timeout, own.AttemptTimeout, own.MaxRetries),
            own?.Headers,
            cancellationToken);
        // Polly ends a call whose token has already fired before any stage sees it; telemetry must record every call, so
        // such a call starts on no token and the stages (which all watch CallContext.CallerToken) end it as canceled.
        var context = ResilienceContextPool.Shared.Get(cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken);
        context.Properties.Set(CallContext.Key, call);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await pipeline.ExecuteOutcomeAsync(SendStage.Callback, context, send).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is { } exception)
        {
            ExceptionDispatchInfo.Throw(exception);
        }

        return outcome.Result!;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            send.Dispose();
            onDispose?.Invoke();
        }

        base.Dispose(disposing);
    }
}
