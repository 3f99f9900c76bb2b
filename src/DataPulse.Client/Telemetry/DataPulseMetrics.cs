using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DataPulse.Client.Telemetry;

/// <summary>
/// The SDK's instruments on one <see cref="Meter"/> named <c>DataPulse.Client</c>: the static meter for directly built
/// clients, or a meter from the container's <see cref="IMeterFactory"/> with dependency injection.
/// </summary>
internal sealed class DataPulseMetrics
{
    public const string DurationName = "datapulse.client.request.duration";
    public const string RetriesName = "datapulse.client.retries";
    public const string RateLimitedName = "datapulse.client.rate_limited";
    public const string PacedWaitsName = "datapulse.client.rate_limit.paced_waits";
    public const string ProbesName = "datapulse.client.rate_limit.probes";
    public const string RefusalsName = "datapulse.client.rate_limit.refusals";
    public const string RetryBudgetRefusalsName = "datapulse.client.retry_budget.refusals";
    public const string RetryBudgetTokensName = "datapulse.client.retry_budget.tokens";

    private const string DurationDescription = "Duration of DataPulse operations, from the first attempt to the final answer, retries and waits included.";

    /// <summary>
    /// Bucket boundaries, in seconds, advised for <see cref="DurationName"/>: OpenTelemetry's defaults (0, 5, 10, 25 …
    /// 10000) suit milliseconds and would put a 5 ms and a 500 ms call in one bucket. The README gives the same list as a
    /// View for net8.0, where instruments take no advice.
    /// </summary>
    public static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60];

    private readonly ConcurrentDictionary<IRetryBudgetGauge, byte> _budgets = new();

    public DataPulseMetrics(Meter meter)
    {
#if NET9_0_OR_GREATER
        Duration = meter.CreateHistogram(DurationName, "s", DurationDescription, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
#else
        Duration = meter.CreateHistogram<double>(DurationName, "s", DurationDescription);
#endif
        Retries = meter.CreateCounter<long>(RetriesName, "{retry}", "Attempts the DataPulse client retried.");
        RateLimited = meter.CreateCounter<long>(RateLimitedName, "{response}", "Answers with status 429 (Too Many Requests), retried or not.");
        PacedWaits = meter.CreateCounter<long>(PacedWaitsName, "{wait}", "Attempts held back on the server's rate-limit words (a window spent, a 429's pause) or until the next answer.");
        Probes = meter.CreateCounter<long>(ProbesName, "{request}", "Requests sent to ask the server whether a rate-limit hold longer than MaxRetryAfter still holds.");
        Refusals = meter.CreateCounter<long>(RefusalsName, "{call}", "Calls failed without being sent: the server's rate limit held every call for longer than MaxRetryAfter.");
        RetryBudgetRefusals = meter.CreateCounter<long>(RetryBudgetRefusalsName, "{retry}", "Retries not made because the retry budget was spent.");
        meter.CreateObservableGauge(RetryBudgetTokensName, ObserveBudgets, "{token}", "Tokens left in the retry budget of each server the clients on this meter call, the lowest when several keys share a server (retries stop at half).");
    }

    public static DataPulseMetrics Default { get; } = new(DataPulseTelemetry.Meter);

    public Histogram<double> Duration { get; }

    public Counter<long> Retries { get; }

    public Counter<long> RateLimited { get; }

    public Counter<long> PacedWaits { get; }

    public Counter<long> Probes { get; }

    public Counter<long> Refusals { get; }

    public Counter<long> RetryBudgetRefusals { get; }

    public bool Enabled => Duration.Enabled || Retries.Enabled || RateLimited.Enabled;

    /// <summary>Reports <paramref name="budget"/> on the gauge until <see cref="StopObserving"/>; its client calls that when disposed.</summary>
    public void Observe(IRetryBudgetGauge budget) => _budgets.TryAdd(budget, 0);

    public void StopObserving(IRetryBudgetGauge budget) => _budgets.TryRemove(budget, out _);

    /// <summary>A retry, tagged as the call's end would be: <c>http.response.status_code</c> when an answer arrived, <c>error.type</c> always.</summary>
    public void RecordRetry(string operation, HttpRequestMessage? request, int? statusCode, string errorType)
    {
        if (Retries.Enabled)
        {
            var tags = OperationTags(operation, request);
            if (statusCode is { } status)
            {
                tags.Add("http.response.status_code", status);
            }

            tags.Add("error.type", errorType);
            Retries.Add(1, tags);
        }

        if (statusCode == 429)
        {
            RecordRateLimited(operation, request);
        }
    }

    public void RecordRateLimited(string operation, HttpRequestMessage? request)
    {
        if (RateLimited.Enabled)
        {
            RateLimited.Add(1, OperationTags(operation, request));
        }
    }

    public void RecordPacedWait(string operation, HttpRequestMessage? request)
    {
        if (PacedWaits.Enabled)
        {
            PacedWaits.Add(1, OperationTags(operation, request));
        }
    }

    public void RecordRateLimitProbe(string operation, HttpRequestMessage? request)
    {
        if (Probes.Enabled)
        {
            Probes.Add(1, OperationTags(operation, request));
        }
    }

    public void RecordRateLimitRefusal(string operation, HttpRequestMessage? request)
    {
        if (Refusals.Enabled)
        {
            Refusals.Add(1, OperationTags(operation, request));
        }
    }

    public void RecordRetryBudgetRefusal(string operation, HttpRequestMessage? request)
    {
        if (RetryBudgetRefusals.Enabled)
        {
            RetryBudgetRefusals.Add(1, OperationTags(operation, request));
        }
    }

    /// <summary>
    /// The tags every instrument shares, named as OpenTelemetry's HTTP semantic conventions name them: the operation, the
    /// method and the server. Low-cardinality only: never a path, a query, a key or its hash.
    /// </summary>
    private static TagList OperationTags(string operation, HttpRequestMessage? request)
    {
        var tags = new TagList { { "datapulse.operation", operation } };
        if (request is not null)
        {
            tags.Add("http.request.method", request.Method.Method);
        }

        if (request?.RequestUri is { IsAbsoluteUri: true } uri)
        {
            tags.Add("server.address", uri.Host);
            tags.Add("server.port", uri.Port);
        }

        return tags;
    }

    public void RecordDuration(TimeSpan duration, string operation, HttpRequestMessage request, int? statusCode, string? errorType)
    {
        if (!Duration.Enabled)
        {
            return;
        }

        var tags = OperationTags(operation, request);
        if (statusCode is { } status)
        {
            tags.Add("http.response.status_code", status);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        Duration.Record(duration.TotalSeconds, tags);
    }

    // Only this meter's clients' budgets, one measurement per server: never a key or its hash in a tag.
    private IEnumerable<Measurement<double>> ObserveBudgets() =>
        _budgets.Keys
            .Where(static budget => budget.Tokens is not null)
            .GroupBy(static budget => (budget.ServerAddress, budget.ServerPort))
            .Select(static server => new Measurement<double>(
                server.Min(static budget => budget.Tokens!.Value),
                new KeyValuePair<string, object?>("server.address", server.Key.ServerAddress),
                new KeyValuePair<string, object?>("server.port", server.Key.ServerPort)))
            .ToList();
}
