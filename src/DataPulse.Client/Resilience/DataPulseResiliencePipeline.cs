using System.Globalization;
using DataPulse.Client.Pipeline;
using DataPulse.Client.RateLimiting;
using DataPulse.Client.Telemetry;
using Polly;
using Polly.Retry;

namespace DataPulse.Client.Resilience;

/// <summary>
/// Builds the SDK's Polly pipeline: its retry strategy (the contract's table, <c>Retry-After</c> on the injected clock),
/// then whatever the caller adds. The deadlines are not Polly strategies: the call path arms one timer per attempt for
/// the nearer of the attempt and overall deadlines, instead of two per call.
/// </summary>
internal static class DataPulseResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(DataPulseClientOptions options, CallTelemetry telemetry)
    {
        // A pipeline of the caller's own is not paced and has no budget.
        if (options.ResiliencePipeline is { } replacement)
        {
            return replacement;
        }

        var timeProvider = options.TimeProvider;
        var timeout = options.Timeout;
        var rules = new RetryRules(timeProvider, options.MaxRetryAfter, options.RetryBaseDelay);

        // The pacer and retry budget of this key and base address (each null when switched off).
        var rateLimits = RateLimitComponents.Create(options, telemetry.Logger, telemetry.Metrics);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = "DataPulse.Client",
            TimeProvider = timeProvider,
        };

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "DataPulse.Retry",
                MaxRetryAttempts = options.MaxRetries,
                // The wait is chosen together with the decision (ShouldHandle), so jitter is drawn once and a wait past the
                // deadline is never started; DelayGenerator hands it over. Polly's own backoff settings are never reached.
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args =>
                {
                    var call = CallState.Of(args.Context);
                    var remaining = timeout - timeProvider.GetElapsedTime(call.StartedAt);
                    var delay = RetryClassifier.NextDelay(args.Outcome, call.Request, args.AttemptNumber, remaining, rules, args.Context.CancellationToken);
                    call.NextDelay = delay ?? TimeSpan.Zero;

                    // The retry table decides; the retry budget may still refuse (and a success refills it).
                    return rateLimits.ShouldRetryAsync(args.Outcome, args.Context, args.AttemptNumber, delay is not null);
                },
                DelayGenerator = static args => new ValueTask<TimeSpan?>(CallState.Of(args.Context).NextDelay),
                OnRetry = args =>
                {
                    var status = args.Outcome.Result is { } response
                        ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                        : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    telemetry.Retrying(CallState.Of(args.Context), status, args.RetryDelay);
                    return default;
                },
            });
        }

        // Inside the retry, outside the attempt: each attempt waits for the server's window before it is sent.
        rateLimits.AddPacing(builder);

        options.ConfigureResilience?.Invoke(builder);
        return builder.Build();
    }
}
