using System.Diagnostics;
using System.Globalization;
using DataPulse.Client.LoadScenarios.Zoo;
using DataPulse.Client.RateLimiting;

namespace DataPulse.Client.LoadScenarios;

/// <summary>
/// Pacing against the server zoo on loopback, real time, with pacing off and on in the same run: servers that never
/// refuse (static, past, delta-seconds, decimal-epoch and no headers), truthful fixed windows, a token bucket, a gateway
/// shedding load with 429s, and a day-long Retry-After that the server lifts. Prints one table row per server and setting.
/// </summary>
internal static class ZooScenario
{
    private const string ApiKey = "dp_test_sk_Z00Z00Z00Z00Z00Z00Z00Z00Z00Z00Z0";

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("== zoo: pacing off and on against servers that repeat, slide, lag and refuse (loopback, real time)");
        Console.WriteLine("| server | callers | pacing | calls/s | on/off | 429s | failed | p50 ms | p99 ms | max in flight |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");

        foreach (var server in new Func<ZooBehaviour>[] { ZooBehaviours.StaticHeaders, ZooBehaviours.PastReset, ZooBehaviours.DeltaSecondsReset, ZooBehaviours.DecimalEpochReset, ZooBehaviours.NoHeaders })
        {
            await NeverRefusingAsync(server, callers: 64, latency: TimeSpan.Zero);
        }

        await NeverRefusingAsync(ZooBehaviours.StaticHeaders, callers: 64, latency: TimeSpan.FromMilliseconds(50));
        await RefusingAsync(() => ZooBehaviours.FixedWindow(100, TimeSpan.FromSeconds(1)), callers: 64, calls: 1000);
        await RefusingAsync(() => ZooBehaviours.FixedWindow(50, TimeSpan.FromSeconds(1)), callers: 64, calls: 500);
        await RefusingAsync(() => ZooBehaviours.TokenBucket(capacity: 50, perSecond: 50), callers: 32, calls: 500);
        await RefusingAsync(() => ZooBehaviours.GatewayStorm(concurrency: 16), callers: 64, calls: 2000, latency: TimeSpan.FromMilliseconds(20));
        await LongPauseAsync(pacing: false);
        await LongPauseAsync(pacing: true);
        return 0;
    }

    /// <summary>Rounds of 2 s, pacing off and on alternated so that neither always runs on a machine the other warmed or loaded.</summary>
    private static async Task NeverRefusingAsync(Func<ZooBehaviour> server, int callers, TimeSpan latency)
    {
        var results = new Dictionary<bool, List<(LoadResult Load, int MaxInFlight)>> { [false] = [], [true] = [] };
        string? name = null;
        for (var round = 0; round < 4; round++)
        {
            foreach (var pacing in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                await using var zoo = await ZooServer.StartAsync(server(), TimeProvider.System);
                zoo.Latency = latency;
                name = zoo.Behaviour.Name + (latency > TimeSpan.Zero ? $", {latency.TotalMilliseconds:0} ms answers" : string.Empty);
                using var client = Client(zoo, pacing);
                var load = latency > TimeSpan.Zero
                    ? await Load.RunAsync(client, callers, callers * 10)
                    : await Load.RunForAsync(client, callers, TimeSpan.FromSeconds(2));
                if (round > 0)
                {
                    // The first round warms the JIT and the connection pools; it is not kept.
                    results[pacing].Add((load, zoo.MaxInFlight));
                }
            }
        }

        var off = Median(results[false].Select(r => r.Load.CallsPerSecond));
        foreach (var pacing in new[] { false, true })
        {
            var kept = results[pacing];
            var median = Median(kept.Select(r => r.Load.CallsPerSecond));
            var last = kept[^1].Load;
            Row(name!, callers, pacing, median, median / off, 0, kept.Sum(r => r.Load.Failed), last, kept.Max(r => r.MaxInFlight));
        }
    }

    private static async Task RefusingAsync(Func<ZooBehaviour> server, int callers, int calls, TimeSpan? latency = null)
    {
        double? off = null;
        foreach (var pacing in new[] { false, true })
        {
            await using var zoo = await ZooServer.StartAsync(server(), TimeProvider.System);
            zoo.Latency = latency ?? TimeSpan.Zero;
            using var client = Client(zoo, pacing);
            var load = await Load.RunAsync(client, callers, calls);
            off ??= load.CallsPerSecond;
            Row(zoo.Behaviour.Name + (latency is { } l ? $", {l.TotalMilliseconds:0} ms answers" : string.Empty), callers, pacing, load.CallsPerSecond, load.CallsPerSecond / off.Value, zoo.TooManyRequests, load.Failed, load, zoo.MaxInFlight);
            if (load.Failed > 0)
            {
                Console.WriteLine($"|   failures: {load.FailureSummary} | | | | | | | | | |");
            }
        }
    }

    /// <summary>
    /// Three clients on one key call every 200 ms; the server answers 429 with Retry-After: 86400 to everything until it lifts
    /// the limit after 10 s; a fourth client starts after the lift. Reports what reached the server while it refused, and how
    /// long after the lift each client's first success came (MaxRetryAfter is 5 s, so one probe per 5 s).
    /// </summary>
    private static async Task LongPauseAsync(bool pacing)
    {
        var pause = ZooBehaviours.DayLongRetryAfter();
        await using var zoo = await ZooServer.StartAsync(pause, TimeProvider.System);
        var store = new InMemoryRateLimitStore();
        var clock = Stopwatch.StartNew();
        var liftAt = TimeSpan.FromSeconds(10);
        var end = TimeSpan.FromSeconds(25);
        var recoveredAfter = new List<double>();
        var calls = 0;
        var requestsWhilePaused = 0;

        async Task CallerAsync(TimeSpan startAt)
        {
            if (clock.Elapsed < startAt)
            {
                await Task.Delay(startAt - clock.Elapsed, TimeProvider.System);
            }

            using var client = Client(zoo, pacing, store, o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
            while (clock.Elapsed < end)
            {
                Interlocked.Increment(ref calls);
                try
                {
                    await client.Customers.GetAsync(Load.CustomerId);
                    if (pause.Lifted)
                    {
                        lock (recoveredAfter)
                        {
                            recoveredAfter.Add((clock.Elapsed - liftAt).TotalSeconds);
                        }

                        return;
                    }
                }
                catch (DataPulseException)
                {
                    // Refused (by the server, or at once by the client while the pause lasts).
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
            }
        }

        var lift = Task.Run(async () =>
        {
            await Task.Delay(liftAt, TimeProvider.System);
            requestsWhilePaused = zoo.Requests;
            pause.Lift();
        });
        await Task.WhenAll(CallerAsync(TimeSpan.Zero), CallerAsync(TimeSpan.Zero), CallerAsync(TimeSpan.Zero), CallerAsync(liftAt + TimeSpan.FromSeconds(1)), lift);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {pause.Name} (3 clients every 200 ms, a 4th after the lift; MaxRetryAfter 5 s) | 4 | {(pacing ? "on" : "off")} | {calls} calls | | {requestsWhilePaused} requests in the 10 s before the lift | {4 - recoveredAfter.Count} never recovered | recovered {(recoveredAfter.Count == 0 ? "-" : $"{recoveredAfter.Min():0.0}-{recoveredAfter.Max():0.0} s")} after the lift | | |"));
    }

    private static DataPulseClient Client(ZooServer zoo, bool pacing, IRateLimitStore? store = null, Action<DataPulseClientOptions>? configure = null)
    {
        var options = new DataPulseClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = zoo.BaseAddress,
            RateLimitPacing = pacing,
            // A store of the run's own, so that no run inherits another's windows.
            RateLimitStore = store ?? new InMemoryRateLimitStore(),
        };
        configure?.Invoke(options);
        return new DataPulseClient(options);
    }

    private static void Row(string server, int callers, bool pacing, double callsPerSecond, double ratio, int refused, int failed, LoadResult load, int maxInFlight) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {server} | {callers} | {(pacing ? "on" : "off")} | {callsPerSecond:N0} | {ratio:0.00}x | {refused} ({100.0 * refused / Math.Max(1, load.Calls):0.0}%) | {failed} | {load.Percentile(0.5):0.0} | {load.Percentile(0.99):0.0} | {maxInFlight} |"));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
