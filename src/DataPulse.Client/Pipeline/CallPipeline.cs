using DataPulse.Client.Calls;
using DataPulse.Client.Http;
using DataPulse.Client.RateLimiting;
using DataPulse.Client.Resilience;
using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// The one place the order of a call is written. Every client (direct, on a caller's <see cref="HttpClient"/>, or from
/// <c>AddDataPulse</c>) is built here; they differ only in the <see cref="Transport"/>. Outermost first:
/// <list type="number">
/// <item><see cref="TelemetryStage"/>, per call: one span, log entry and measurement for the whole call;</item>
/// <item><see cref="OutcomeStage"/>, per call: refuses an insecure address; the last outcome becomes the result or the one exception;</item>
/// <item><see cref="RetryStage"/>, per call: the contract's retry table, backoff and <c>Retry-After</c> ceiling, the retry budget;</item>
/// <item><see cref="PacingStage"/>, per attempt: waits while the server's rate-limit window holds requests back;</item>
/// <item><see cref="AttemptDeadlineStage"/>, per attempt: the nearer of the attempt and overall deadlines;</item>
/// <item>the caller's strategies (<see cref="DataPulseClientOptions.ConfigureResilience"/>), per attempt, inside the deadline;</item>
/// <item><see cref="SendStage"/>: key, headers, redirect guard, the body read whole; then the <see cref="Transport"/>.</item>
/// </list>
/// The deadlines, the retry limit and extra headers are the call's (<see cref="CallContext"/>): the client's options, or a
/// call's own <see cref="DataPulseRequestOptions"/> where it sets them, so the stages take none of them when built.
/// A pipeline of the caller's own (<see cref="DataPulseClientOptions.ResiliencePipeline"/>) takes the place of the retry
/// and pacing stages and of <c>ConfigureResilience</c>.
/// </summary>
internal static class CallPipeline
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "The one place the SDK builds its own HttpClient: over its call path, disposed with the DataPulseClient.")]
    public static HttpClient Create(
        DataPulseClientOptions options, ApiKeyProvider keys, ILogger logger, DataPulseMetrics metrics, Transport transport, RateLimitRegistry registry)
    {
        var timeProvider = options.TimeProvider;
        var telemetry = new CallTelemetry(logger, metrics, keys, options.LogBodies);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "DataPulse.Client", TimeProvider = timeProvider };
        var budget = (RetryBudget?)null;

        builder.AddStrategy(_ => new TelemetryStage(telemetry, timeProvider));
        builder.AddStrategy(_ => new OutcomeStage(keys, timeProvider));
        if (options.ResiliencePipeline is { } replacement)
        {
            builder.AddPipeline(replacement);
        }
        else
        {
            var scope = options.ApiKey is { Length: > 0 } key ? registry.ScopeFor(options.BaseAddress, key) : null;
            var store = scope is null ? null : registry.StoreFor(options.RateLimitStore, timeProvider, logger);
            if (store is not null && options.RetryBudget.Enabled && options.MaxRetries > 0)
            {
                budget = RetryBudget.For(store, scope!.Name, options.RetryBudget, options.BaseAddress);
                metrics.Observe(budget);
            }

            // Always there, even when the client's MaxRetries is 0: a call's own MaxRetries may ask for retries.
            var rules = new RetryRules(timeProvider, options.MaxRetryAfter, options.RetryBaseDelay);
            builder.AddStrategy(_ => new RetryStage(rules, budget, telemetry));

            if (store is not null && options.RateLimitPacing)
            {
                builder.AddStrategy(_ => new PacingStage(store, scope!, timeProvider, options.MaxRetryAfter, logger, metrics));
            }
        }

        builder.AddStrategy(_ => new AttemptDeadlineStage(timeProvider));
        if (options.ResiliencePipeline is null)
        {
            options.ConfigureResilience?.Invoke(builder);
        }

        var send = new SendStage(transport, keys, UserAgent.Build(options.ApplicationId), options.MaxResponseBufferSize, timeProvider);
        var limits = new CallLimits(options.Timeout, options.AttemptTimeout, options.MaxRetries);
        var handler = new CallHandler(builder.Build(), send, timeProvider, limits, onDispose: budget is null ? null : () => metrics.StopObserving(budget));
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = TransportSecurity.Normalize(options.BaseAddress),
            // The call path's own deadlines govern; HttpClient's must never cut a Retry-After wait short.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }
}
