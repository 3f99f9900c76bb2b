using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using DataPulse.Client.Testing;

namespace DataPulse.Client.LoadScenarios;

/// <summary>The sandbox answers 503 to everything for 30 s while 32 callers each call every 250 ms; then it recovers.</summary>
internal static class OutageScenario
{
    public const int Callers = 32;
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan AfterOutage = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ThinkTime = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"== outage: 503 to everything for {Outage.TotalSeconds:0} s, {Callers} callers each calling every {ThinkTime.TotalMilliseconds:0} ms, then {AfterOutage.TotalSeconds:0} s healthy");
        await RunOnceAsync("off", budget: false);
        await RunOnceAsync("on", budget: true);
        return 0;
    }

    private static async Task RunOnceAsync(string label, bool budget)
    {
        // A reported window far above the load, so only the outage shapes what is sent.
        await using var sandbox = DataPulseSandbox.Start(new DataPulseSandboxOptions { RateLimitPerMinute = 10_000_000 });
        using var client = sandbox.CreateClient(o =>
        {
            o.RetryBudget.Enabled = budget;
            o.RateLimitPacing = budget;
        });
        sandbox.FailNextCalls(int.MaxValue, HttpStatusCode.ServiceUnavailable);

        var clock = Stopwatch.StartNew();
        var recoveredAt = TimeSpan.MaxValue;
        var calls = new ConcurrentBag<(TimeSpan Start, TimeSpan Duration, bool Ok)>();
        var end = Outage + AfterOutage;
        var recovery = Task.Run(async () =>
        {
            await Task.Delay(Outage, TimeProvider.System);
            sandbox.FailNextCalls(0, HttpStatusCode.ServiceUnavailable);
            recoveredAt = clock.Elapsed;
        });
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            while (clock.Elapsed < end)
            {
                var start = clock.Elapsed;
                var ok = true;
                try
                {
                    await client.Customers.GetAsync(Load.CustomerId);
                }
                catch (DataPulseException)
                {
                    ok = false;
                }

                calls.Add((start, clock.Elapsed - start, ok));
                await Task.Delay(ThinkTime, TimeProvider.System);
            }
        }));
        await recovery;

        var all = calls.ToList();
        var outageCalls = all.Where(c => c.Start < recoveredAt).ToList();
        var requests = sandbox.ReceivedRequests;
        var outageRequests = requests.Count(r => r.StatusCode == 503);
        var lateFailures = outageCalls.Where(c => c.Start > TimeSpan.FromSeconds(10) && !c.Ok).Select(c => c.Duration.TotalMilliseconds).Order().ToList();
        var afterRecovery = all.Where(c => c.Start >= recoveredAt).OrderBy(c => c.Start).ToList();
        var failedBeforeFirstSuccess = afterRecovery.TakeWhile(c => !c.Ok).Count();
        Console.WriteLine(
            $"   {label,-3}: during the outage {outageCalls.Count} calls sent {outageRequests} requests ({(double)outageRequests / outageCalls.Count:0.00}x); " +
            $"failed calls after the first 10 s took p50 {Percentile(lateFailures, 0.5):0} ms, p99 {Percentile(lateFailures, 0.99):0} ms; " +
            $"after recovery {afterRecovery.Count} calls, {afterRecovery.Count(c => !c.Ok)} failed, {failedBeforeFirstSuccess} failed before the first success");
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
}
