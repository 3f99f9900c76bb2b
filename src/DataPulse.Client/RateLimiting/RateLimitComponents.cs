using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// What one client's pipeline uses to stay within the server's rate limit: the pacer and the retry budget of its API key
/// and base address (either null when switched off), on the in-process store or the configured shared one.
/// </summary>
internal sealed class RateLimitComponents
{
    private RateLimitComponents(ServerWindowRateLimiter? limiter, RetryBudget? budget, DataPulseClientOptions options, ILogger logger, DataPulseMetrics metrics)
    {
        Limiter = limiter;
        Budget = budget;
        Options = options;
        Logger = logger;
        Metrics = metrics;
    }

    private DataPulseMetrics Metrics { get; }

    public ServerWindowRateLimiter? Limiter { get; }

    public RetryBudget? Budget { get; }

    private DataPulseClientOptions Options { get; }

    private ILogger Logger { get; }

    public static RateLimitComponents Create(DataPulseClientOptions options, ILogger logger, DataPulseMetrics metrics)
    {
        var budgetOptions = options.RetryBudget;
        var useBudget = budgetOptions.Enabled && options.MaxRetries > 0;
        if ((!options.RateLimitPacing && !useBudget) || string.IsNullOrEmpty(options.ApiKey))
        {
            return new RateLimitComponents(null, null, options, logger, metrics);
        }

        var registry = RateLimitRegistry.For(options.TimeProvider);
        IRateLimitStore store = options.RateLimitStore is { } shared
            ? new FallbackRateLimitStore(shared, registry.Store, options.TimeProvider, logger)
            : registry.Store;
        var scope = registry.ScopeFor(options.BaseAddress, options.ApiKey);
        return new RateLimitComponents(
            options.RateLimitPacing ? new ServerWindowRateLimiter(store, scope, options.TimeProvider) : null,
            useBudget ? RetryBudget.For(store, scope, budgetOptions, options.RateLimitPacing, logger, metrics) : null,
            options,
            logger,
            metrics);
    }

    /// <summary>The retry decision for attempt <paramref name="attempt"/> (0 for the first): the retry table's, then the budget's.</summary>
    public ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attempt, bool retryable) =>
        Budget is null ? new ValueTask<bool>(retryable) : Budget.ShouldRetryAsync(outcome, context, retryable, retriesLeft: attempt < Options.MaxRetries);

    /// <summary>Adds the pacer to <paramref name="builder"/> when pacing is on; call it inside the retry, before the attempt timeout.</summary>
    public void AddPacing(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        if (Limiter is { } limiter)
        {
            builder.AddStrategy(_ => new RateLimitPacingStrategy(limiter, Options.TimeProvider, Options.MaxRetryAfter, Options.Timeout, Logger, Metrics));
        }
    }
}
