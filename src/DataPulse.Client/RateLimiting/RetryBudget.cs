using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using DataPulse.Client.Pipeline;
using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// gRPC's retry throttling, chosen over the AWS retry quota because it is proportional (a success pays back
/// <see cref="RetryBudgetOptions.TokenRatio"/> of a retry, so retries stay near that share of the traffic) and never
/// blocks a first attempt, so a call succeeds as soon as the server does. A retryable failure takes one token; a success
/// gives back the ratio; a retry is allowed while more than half of the tokens are left.
/// </summary>
/// <remarks>
/// With pacing on, a 429 carrying <c>Retry-After</c> neither takes nor gives tokens: its retry is scheduled by the server
/// and paced with every other caller on the window, so it adds no load; spending the budget on it would fail calls a
/// throttled fleet can still serve. With pacing off it counts like any other failure.
/// </remarks>
internal sealed class RetryBudget(IRateLimitStore store, string name, double maxTokens, double tokenRatio, bool paced, ILogger logger, DataPulseMetrics metrics)
{
    public static RetryBudget For(IRateLimitStore store, RateLimitScope scope, RetryBudgetOptions options, bool paced, ILogger logger, DataPulseMetrics metrics) => new(
        store,
        string.Create(CultureInfo.InvariantCulture, $"{scope.Name}#budget={options.MaxTokens}/{options.TokenRatio}"),
        options.MaxTokens,
        options.TokenRatio,
        paced,
        logger,
        metrics);

    /// <summary>The tokens each budget in this process had at its last change, by budget name, for the meter's gauge.</summary>
    public static ConcurrentDictionary<string, double> LastKnownTokens { get; } = new(StringComparer.Ordinal);

    public string Name => name;

    /// <summary>
    /// Settles the attempt's outcome with the budget and says whether to retry: <paramref name="retryable"/> is the retry
    /// table's answer, <paramref name="retriesLeft"/> whether MaxRetries allows another. A refusal is noted in the context,
    /// so the final error can say why no retry was made.
    /// </summary>
    public async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, bool retryable, bool retriesLeft)
    {
        if (outcome.Result is { IsSuccessStatusCode: true })
        {
            LastKnownTokens[name] = await store.UpdateRetryTokensAsync(name, tokenRatio, maxTokens, context.CancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!retryable || (paced && outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests, Headers.RetryAfter: not null }))
        {
            return retryable;
        }

        var left = await store.UpdateRetryTokensAsync(name, -1, maxTokens, context.CancellationToken).ConfigureAwait(false);
        LastKnownTokens[name] = left;
        if (left > maxTokens / 2 || !retriesLeft)
        {
            return left > maxTokens / 2;
        }

        context.Properties.Set(RateLimitKeys.RetryBudgetRefused, true);
        var call = CallState.Of(context);
        RateLimitTelemetry.RecordBudgetRefusal(logger, metrics, call.Operation, call.Request, left, maxTokens);
        return false;
    }
}
