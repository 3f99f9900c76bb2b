using System.Diagnostics;

namespace DataPulse.Client.LoadScenarios;

/// <summary>Runs calls from concurrent callers and counts what happened.</summary>
internal static class Load
{
    public const string CustomerId = "cust_92f8a3b1";

    /// <summary>Runs <paramref name="calls"/> calls from <paramref name="callers"/> concurrent callers.</summary>
    public static async Task<LoadResult> RunAsync(IDataPulseClient client, int callers, int calls)
    {
        var next = 0;
        var failed = 0;
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= calls)
            {
                try
                {
                    await client.Customers.GetAsync(CustomerId).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref failed);
                    var budget = ex.Message.Contains("retry budget is spent", StringComparison.Ordinal) ? "(retry-budget-spent)" : string.Empty;
                    failures.AddOrUpdate(ex.GetType().Name + budget, 1, static (_, n) => n + 1);
                }
            }
        })).ConfigureAwait(false);
        return new LoadResult(calls, failed, clock.Elapsed, failures.ToDictionary());
    }
}

internal sealed record LoadResult(int Calls, int Failed, TimeSpan Elapsed, IReadOnlyDictionary<string, int> Failures)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public string FailureSummary => Failures.Count == 0 ? "none" : string.Join(", ", Failures.Select(f => $"{f.Key} x{f.Value}"));
}
