using System.Collections.Concurrent;
using System.Diagnostics;

namespace DataPulse.Client.LoadScenarios;

/// <summary>Runs calls from concurrent callers and counts what happened: calls, failures by type, and each call's duration.</summary>
internal static class Load
{
    public const string CustomerId = "cust_92f8a3b1";

    /// <summary>Runs <paramref name="calls"/> calls from <paramref name="callers"/> concurrent callers.</summary>
    public static Task<LoadResult> RunAsync(IDataPulseClient client, int callers, int calls) =>
        RunAsync(client, callers, calls, duration: null);

    /// <summary>Runs calls from <paramref name="callers"/> concurrent callers for <paramref name="duration"/> of real time.</summary>
    public static Task<LoadResult> RunForAsync(IDataPulseClient client, int callers, TimeSpan duration) =>
        RunAsync(client, callers, int.MaxValue, duration);

    private static async Task<LoadResult> RunAsync(IDataPulseClient client, int callers, int calls, TimeSpan? duration)
    {
        var next = 0;
        var failed = 0;
        var failures = new ConcurrentDictionary<string, int>();
        var durations = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= calls && (duration is null || clock.Elapsed < duration))
            {
                var started = clock.Elapsed;
                try
                {
                    await client.Customers.GetAsync(CustomerId).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref failed);
                    var reason = ex is DataPulseException { ClientReason: not DataPulseClientReason.None } client ? $"({client.ClientReason})" : string.Empty;
                    failures.AddOrUpdate(ex.GetType().Name + reason, 1, static (_, n) => n + 1);
                }

                durations.Add((clock.Elapsed - started).TotalMilliseconds);
            }
        })).ConfigureAwait(false);
        var done = durations.Count;
        return new LoadResult(done, failed, clock.Elapsed, failures.ToDictionary(), [.. durations.Order()]);
    }
}

internal sealed record LoadResult(int Calls, int Failed, TimeSpan Elapsed, IReadOnlyDictionary<string, int> Failures, IReadOnlyList<double> DurationsMs)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public string FailureSummary => Failures.Count == 0 ? "none" : string.Join(", ", Failures.Select(f => $"{f.Key} x{f.Value}"));

    public double Percentile(double p) => DurationsMs.Count == 0 ? 0 : DurationsMs[(int)Math.Min(DurationsMs.Count - 1, p * DurationsMs.Count)];
}
