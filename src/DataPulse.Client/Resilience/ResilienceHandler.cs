using DataPulse.Client.Http;
using Polly;
using Polly.Timeout;

namespace DataPulse.Client.Resilience;

/// <summary>
/// Runs each request through the resilience pipeline. Sits inside <see cref="ErrorMappingHandler"/> (which sees only the
/// final answer) and outside <see cref="AuthenticationHandler"/> (which runs once per attempt).
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, TimeSpan overallTimeout, TimeSpan attemptTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResilienceKeys.Request, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendAttemptAsync(state.Request, ctx.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            var operation = OperationName.Of(request);
            throw context.Properties.TryGetValue(ResilienceKeys.OverallTimeoutFired, out var overall) && overall
                ? new DataPulseTimeoutException(
                    $"{operation} did not complete within the overall timeout of {overallTimeout} (DataPulseClientOptions.Timeout), counting every attempt and wait.",
                    DataPulseTimeoutKind.Overall, overallTimeout, operation, ex)
                : new DataPulseTimeoutException(
                    $"{operation} timed out: an attempt took longer than {attemptTimeout} (DataPulseClientOptions.AttemptTimeout) and no retry was left or allowed.",
                    DataPulseTimeoutKind.Attempt, attemptTimeout, operation, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
