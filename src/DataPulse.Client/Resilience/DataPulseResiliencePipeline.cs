using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DataPulse.Client.Resilience;

/// <summary>
/// Builds the SDK's pipeline: an overall timeout around a retry around a per-attempt timeout. One pipeline serves the
/// direct constructors and dependency injection alike.
/// </summary>
internal static class DataPulseResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(DataPulseClientOptions options, ILogger logger)
    {
        if (options.ResiliencePipeline is { } replacement)
        {
            return replacement;
        }

        var timeProvider = options.TimeProvider;
        var maxRetryAfter = options.MaxRetryAfter;
        var overallTimeout = options.Timeout;
        var baseDelay = options.RetryBaseDelay;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = "DataPulse.Client",
            TimeProvider = timeProvider,
        };

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "DataPulse.OverallTimeout",
            Timeout = options.Timeout,
            OnTimeout = static args =>
            {
                args.Context.Properties.Set(ResilienceKeys.OverallTimeoutFired, true);
                return default;
            },
        });

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "DataPulse.Retry",
                MaxRetryAttempts = options.MaxRetries,
                // The delay always comes from DelayGenerator: the server's Retry-After (already checked against
                // MaxRetryAfter by ShouldHandle, as Polly's MaxDelay does not cap a generated delay), else RetryBackoff,
                // whose bounds are documented. Polly's own backoff settings are only a fallback that is never reached.
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                Delay = baseDelay,
                MaxDelay = DataPulseClientOptions.MaxBackoffDelay,
                ShouldHandle = args => new ValueTask<bool>(RetryClassifier.ShouldRetry(args.Outcome, args.Context, maxRetryAfter, overallTimeout, timeProvider)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    RetryClassifier.RetryAfterOf(args.Outcome, timeProvider)
                    ?? RetryBackoff.Delay(args.AttemptNumber, baseDelay, DataPulseClientOptions.MaxBackoffDelay, Random.Shared.NextDouble())),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(ResilienceKeys.Request, null!);
                    var operation = request is null ? "DataPulse" : OperationName.Of(request);
                    var status = args.Outcome.Result is { } response
                        ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    Log.Retrying(logger, operation, args.AttemptNumber + 1, status, args.RetryDelay.TotalMilliseconds);
                    DataPulseTelemetry.RecordRetry(operation, status);
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "DataPulse.AttemptTimeout",
            Timeout = options.AttemptTimeout,
        });

        options.ConfigureResilience?.Invoke(builder);
        return builder.Build();
    }
}
