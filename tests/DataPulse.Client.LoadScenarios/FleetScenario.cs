using System.Diagnostics;
using System.Globalization;
using DataPulse.Client.Redis;
using DataPulse.Client.Testing;

namespace DataPulse.Client.LoadScenarios;

/// <summary>
/// Four processes on one key, 16 callers and 500 calls each, against a sandbox enforcing 100 requests per second: each
/// pacing alone, then all pacing through one Redis, then through Redis stopped midway.
/// </summary>
internal static class FleetScenario
{
    public const string ChildCommand = "fleet-child";
    public const string PauseChildCommand = "fleet-pause-child";
    private const int Processes = 4;
    private const int CallersPerProcess = 16;
    private const int CallsPerProcess = 500;

    public static async Task<int> RunAsync()
    {
        Console.WriteLine($"== fleet: {Processes} processes on one key, {CallersPerProcess} callers and {CallsPerProcess} calls each, sandbox enforcing {WindowScenario.Window.PermitLimit} requests per {WindowScenario.Window.Window.TotalSeconds:0} s");
        using var redis = RedisServer.Start();
        await RunOnceAsync("off (each process alone)", redis: null, stopRedisAfter: null);
        await RunOnceAsync("on (one Redis)", redis, stopRedisAfter: null);
        await RunOnceAsync("on, Redis stopped after 5 s", redis, stopRedisAfter: TimeSpan.FromSeconds(5));
        await PauseAsync(redis);
        return 0;
    }

    /// <summary>
    /// The fleet through one Redis against a server answering 429 with Retry-After: 86400 until it lifts the limit after
    /// 10 s: every process calls every 250 ms with MaxRetryAfter 5 s. Reports what reached the server while it refused
    /// (one probe per 5 s for the whole fleet, after the first answers), and how long after the lift each process recovered.
    /// </summary>
    private static async Task PauseAsync(RedisServer redis)
    {
        var pause = Zoo.ZooBehaviours.DayLongRetryAfter();
        await using var zoo = await Zoo.ZooServer.StartAsync(pause, TimeProvider.System);
        var prefix = $"datapulse:load:{Guid.NewGuid():N}:";
        var end = TimeProvider.System.GetUtcNow().AddSeconds(25);
        var children = Enumerable.Range(0, Processes)
            .Select(_ => StartChild(PauseChildCommand, zoo.BaseAddress, "dp_test_sk_F1eetF1eetF1eetF1eetF1eetF1eetF1", redis.Address, prefix, end.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)))
            .ToList();
        await Task.Delay(TimeSpan.FromSeconds(10), TimeProvider.System);
        var whilePaused = zoo.Requests;
        var liftedAt = TimeProvider.System.GetUtcNow();
        pause.Lift();
        var lines = await Task.WhenAll(children.Select(async child =>
        {
            var output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            child.Dispose();
            return output.Trim();
        }));
        var recovered = lines.Select(l => long.Parse(l.Split(' ')[0], CultureInfo.InvariantCulture)).Where(ms => ms > 0)
            .Select(ms => (DateTimeOffset.FromUnixTimeMilliseconds(ms) - liftedAt).TotalSeconds).Order().ToList();
        var calls = lines.Sum(l => int.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   day-long 429 through one Redis, lifted after 10 s (4 processes calling every 250 ms, MaxRetryAfter 5 s): {whilePaused} requests reached the server in those 10 s ({calls} calls in all); {recovered.Count} of {Processes} processes recovered, {(recovered.Count == 0 ? "-" : $"{recovered[0]:0.0}-{recovered[^1]:0.0} s")} after the lift"));
    }

    /// <summary>One process of the paused fleet: calls every 250 ms until the end time; prints "firstSuccessEpochMs calls".</summary>
    public static async Task<int> RunPauseChildAsync(string[] args)
    {
        var (baseAddress, apiKey, redis, prefix, end) = (new Uri(args[0]), args[1], args[2], args[3], DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[4], CultureInfo.InvariantCulture)));
        using var store = RedisRateLimitStore.Connect(redis, new RedisRateLimitStoreOptions { KeyPrefix = prefix });
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = apiKey, BaseAddress = baseAddress, RateLimitStore = store, MaxRetryAfter = TimeSpan.FromSeconds(5) });
        var calls = 0;
        var firstSuccess = 0L;
        while (TimeProvider.System.GetUtcNow() < end && firstSuccess == 0)
        {
            calls++;
            try
            {
                await client.Customers.GetAsync(Load.CustomerId);
                firstSuccess = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            }
            catch (DataPulseException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{firstSuccess} {calls}"));
        return 0;
    }

    private static async Task RunOnceAsync(string label, RedisServer? redis, TimeSpan? stopRedisAfter)
    {
        await using var sandbox = DataPulseSandbox.Start(new DataPulseSandboxOptions { EnforcedRateLimit = WindowScenario.Window });
        var prefix = $"datapulse:load:{Guid.NewGuid():N}:";
        var children = Enumerable.Range(0, Processes)
            .Select(_ => StartChild(ChildCommand, sandbox.BaseAddress, sandbox.ApiKey, redis?.Address ?? "-", prefix))
            .ToList();
        if (stopRedisAfter is { } after)
        {
            await Task.Delay(after, TimeProvider.System);
            redis!.Stop();
        }

        var lines = await Task.WhenAll(children.Select(async child =>
        {
            var output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            child.Dispose();
            return output.Trim();
        }));

        var results = lines.Select(line => line.Split(' ')).ToList();
        var calls = results.Sum(r => int.Parse(r[0], CultureInfo.InvariantCulture));
        var failed = results.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture));
        var elapsed = results.Max(r => double.Parse(r[2], CultureInfo.InvariantCulture));
        var failures = string.Join(", ", results.Select(r => r[3]).Where(f => f != "none"));
        var limited = sandbox.ReceivedRequests.Count(r => r.StatusCode == 429);
        Console.WriteLine(
            $"   {label}: {elapsed,6:0.0} s, {sandbox.ReceivedRequests.Count} requests, 429s {limited} ({100.0 * limited / calls:0.0}% of calls), " +
            $"throughput {calls / elapsed:0.0} calls/s, failed calls {failed} ({(failures.Length == 0 ? "none" : failures)})");
    }

    private static Process StartChild(string command, Uri baseAddress, string apiKey, string redis, string prefix, string? extra = null)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FleetScenario).Assembly.Location);
        }

        foreach (var arg in new[] { command, baseAddress.ToString(), apiKey, redis, prefix, extra })
        {
            if (arg is not null)
            {
                start.ArgumentList.Add(arg);
            }
        }

        return Process.Start(start)!;
    }

    /// <summary>One process of the fleet: prints "calls failed seconds failures".</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var (baseAddress, apiKey, redis, prefix) = (new Uri(args[0]), args[1], args[2], args[3]);
        using var store = redis == "-" ? null : RedisRateLimitStore.Connect(redis, new RedisRateLimitStoreOptions { KeyPrefix = prefix });
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = apiKey, BaseAddress = baseAddress, RateLimitStore = store });
        var result = await Load.RunAsync(client, CallersPerProcess, CallsPerProcess);
        var failures = result.Failures.Count == 0 ? "none" : string.Join(";", result.Failures.Select(f => $"{f.Key}x{f.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Calls} {result.Failed} {result.Elapsed.TotalSeconds:0.000} {failures}"));
        return 0;
    }
}
