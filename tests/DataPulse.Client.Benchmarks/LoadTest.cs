using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using DataPulse.Client.Analytics;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// 256 concurrent callers sharing one client against the loopback server, SDK against hand-written, the variants
/// alternated over several short rounds. Reports the median calls/s, allocated bytes per call, errors and sockets opened.
/// </summary>
public static class LoadTest
{
    public static async Task RunAsync(string rateLimitHeaders = "past", int callers = 256, int rounds = 8, double secondsPerRound = 3)
    {
        using var server = BenchServer.Start(rateLimitHeaders: rateLimitHeaders);
        await server.ConnectionsAsync();

        using var sdk = new DataPulseClient(new DataPulseClientOptions { ApiKey = Payloads.ApiKey, BaseAddress = server.Url });
        using var sdkPlain = new DataPulseClient(new DataPulseClientOptions
        {
            ApiKey = Payloads.ApiKey,
            BaseAddress = server.Url,
            RateLimitPacing = false,
            RetryBudget = new() { Enabled = false },
        });
        using var handWritten = Payloads.HandWrittenClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, server.Url);

        var variants = new Variant[]
        {
            new("hand-written HttpClient + STJ", async () =>
                (await handWritten.GetFromJsonAsync(Payloads.KpiPath, BenchJsonContext.Default.KpiEnvelope))!.Data.Revenue),
            new("SDK GetKpiSummaryAsync", async () =>
                (await sdk.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail)).Revenue),
            // For reference: what pacing and the retry budget cost under load on a server that never limits.
            new("SDK, pacing and budget off (ref.)", async () =>
                (await sdkPlain.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail)).Revenue),
        };

        Console.WriteLine($"load: {callers} callers, {rounds} rounds of {secondsPerRound} s per variant, server {server.Url}, rate-limit headers: {rateLimitHeaders}");
        foreach (var variant in variants)
        {
            // Warm-up, 5 s (the SDK runs more code, so tiered JIT takes longer to settle): JIT, connection pools filled (the sockets they open are counted), server warm.
            variant.Add(await RunRoundAsync(server, variant, callers, 5), warmup: true);
        }

        for (var round = 0; round < rounds; round++)
        {
            // Alternate the order, so that neither variant always runs on a machine warmed (or loaded) by the other.
            foreach (var variant in round % 2 == 0 ? variants : variants.Reverse())
            {
                var result = await RunRoundAsync(server, variant, callers, secondsPerRound);
                variant.Add(result, warmup: false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round + 1} {variant.Name,-32} {result.CallsPerSecond,10:N0} calls/s {result.BytesPerCall,8:N0} B/call {result.Errors} errors {result.NewSockets} new sockets"));
            }
        }

        var baseline = variants[0];
        Console.WriteLine();
        Console.WriteLine("| variant | median calls/s | ratio of medians | median of per-round ratios | bytes/call | ratio | errors | sockets opened |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var variant in variants)
        {
            // The machine is shared: a round-by-round ratio (both variants run back to back) cancels much of the drift.
            var paired = Stats.Median(variant.Rounds.Zip(baseline.Rounds, (mine, theirs) => mine.CallsPerSecond / theirs.CallsPerSecond));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variant.Name} | {variant.MedianCallsPerSecond:N0} | {variant.MedianCallsPerSecond / baseline.MedianCallsPerSecond:0.00}x | {paired:0.00}x | {variant.BytesPerCall:N0} | {variant.BytesPerCall / baseline.BytesPerCall:0.00}x | {variant.Errors} | {variant.Sockets} |"));
        }

        var (_, open) = await server.ConnectionsAsync();
        Console.WriteLine($"connections still open at the end: {open}");
    }

    private static async Task<RoundResult> RunRoundAsync(BenchServer server, Variant variant, int callers, double seconds)
    {
        var (socketsBefore, _) = await server.ConnectionsAsync();
        long calls = 0;
        long errors = 0;
        string? firstError = null;
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var workers = new Task[callers];
        for (var i = 0; i < callers; i++)
        {
            workers[i] = Task.Run(async () =>
            {
                long mine = 0;
                long failed = 0;
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    try
                    {
                        if (await variant.Call() != 2845000m)
                        {
                            throw new InvalidOperationException("wrong answer");
                        }

                        mine++;
                    }
                    catch (Exception ex)
                    {
                        failed++;
                        Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message, null);
                    }
                }

                Interlocked.Add(ref calls, mine);
                Interlocked.Add(ref errors, failed);
            });
        }

        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var (socketsAfter, _) = await server.ConnectionsAsync();
        if (firstError is not null)
        {
            Console.WriteLine($"  {variant.Name}: first error: {firstError}");
        }

        return new RoundResult(calls / elapsed, calls, allocated, errors, socketsAfter - socketsBefore);
    }

    private sealed record RoundResult(double CallsPerSecond, long Calls, long Allocated, long Errors, long NewSockets)
    {
        public double BytesPerCall => Calls == 0 ? 0 : (double)Allocated / Calls;
    }

    private sealed class Variant(string name, Func<Task<decimal>> call)
    {
        private readonly List<RoundResult> _rounds = [];

        public string Name { get; } = name;

        public Func<Task<decimal>> Call { get; } = call;

        public long Errors { get; private set; }

        public long Sockets { get; private set; }

        public IReadOnlyList<RoundResult> Rounds => _rounds;

        public double MedianCallsPerSecond => Stats.Median(_rounds.Select(r => r.CallsPerSecond));

        public double BytesPerCall => (double)_rounds.Sum(r => r.Allocated) / _rounds.Sum(r => r.Calls);

        public void Add(RoundResult result, bool warmup)
        {
            Errors += result.Errors;
            Sockets += result.NewSockets;
            if (!warmup)
            {
                _rounds.Add(result);
            }
        }

    }
}
