using DataPulse.Client.Testing.Pipeline;
using Microsoft.AspNetCore.Http;

namespace DataPulse.Client.Testing.Latency;

/// <summary>Holds every answer back by the latency the scenarios added, waiting on the sandbox's own
/// <see cref="DataPulseSandboxOptions.TimeProvider"/>. Stopping the sandbox ends the wait and drops the request.</summary>
internal sealed class LatencyMiddleware(SandboxState state, CancellationToken stopping)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var latency = state.Scenarios.Latency;
        if (latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(latency, state.Options.TimeProvider, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                context.Abort();
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }
}
