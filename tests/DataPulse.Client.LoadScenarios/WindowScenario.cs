using DataPulse.Client.Testing;

namespace DataPulse.Client.LoadScenarios;

/// <summary>64 callers, 2,000 calls, one client, a sandbox enforcing 100 requests per second.</summary>
internal static class WindowScenario
{
    public const int Callers = 64;
    public const int Calls = 2000;
    public static readonly SandboxRateLimit Window = new(100, TimeSpan.FromSeconds(1));

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"== window: {Callers} callers, {Calls} calls, one client, sandbox enforcing {Window.PermitLimit} requests per {Window.Window.TotalSeconds:0} s");
        await RunOnceAsync("off", pacing: false);
        await RunOnceAsync("on", pacing: true);
        return 0;
    }

    private static async Task RunOnceAsync(string label, bool pacing)
    {
        await using var sandbox = DataPulseSandbox.Start(new DataPulseSandboxOptions { EnforcedRateLimit = Window });
        using var client = sandbox.CreateClient(o =>
        {
            o.RateLimitPacing = pacing;
            o.RetryBudget.Enabled = pacing;
        });

        var result = await Load.RunAsync(client, Callers, Calls);

        var requests = sandbox.ReceivedRequests;
        var limited = requests.Count(r => r.StatusCode == 429);
        var throughput = result.CallsPerSecond / Window.PermitLimit;
        Console.WriteLine(
            $"   {label,-3}: {result.Elapsed.TotalSeconds,6:0.0} s, {requests.Count} requests, 429s {limited} ({100.0 * limited / Calls:0.0}% of calls), " +
            $"throughput {result.CallsPerSecond:0.0} calls/s ({100 * throughput:0}% of the window), failed calls {result.Failed} ({result.FailureSummary})");
    }
}
