using DataPulse.Client.Http;
using Polly;
using Polly.Timeout;

namespace DataPulse.Client.Resilience;

/// <summary>
/// Runs each request through the resilience pipeline. Sits inside <see cref="ErrorMappingHandler"/> (which sees only the
/// final answer) and outside <see cref="AuthenticationHandler"/> (which runs once per attempt). A successful JSON answer
/// is read whole inside the attempt, so a connection that breaks mid-body is a transport failure like any other (retried
/// when safe, under the attempt timeout); any other body (a report file) is handed to the caller unread, streamed, and
/// never retried once it has started.
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, TimeProvider timeProvider, TimeSpan overallTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResilienceKeys.Request, request);
        context.Properties.Set(ResilienceKeys.StartedAt, timeProvider.GetTimestamp());
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
                // ex.Timeout rather than the options' value: a caller-supplied pipeline has timeouts of its own.
                : new DataPulseTimeoutException(
                    $"{operation} timed out: an attempt took longer than {ex.Timeout} (DataPulseClientOptions.AttemptTimeout) and no retry was left or allowed.",
                    DataPulseTimeoutKind.Attempt, ex.Timeout, operation, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || !MediaTypes.IsJson(response.Content.Headers.ContentType?.MediaType))
        {
            return response;
        }

        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            using (cancellationToken.Register(static r => ((HttpResponseMessage)r!).Dispose(), response))
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }
#endif
            return response;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            throw new OperationCanceledException(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
