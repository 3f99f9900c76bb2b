using System.Diagnostics;
using DataPulse.Client.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.Server;

namespace DataPulse.Client.Redis.Tests;

/// <summary>The Redis store against a real redis-server on loopback, clients over real HTTP to WireMock.</summary>
public sealed class RedisRateLimitStoreTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly string _prefix = TestSupport.UniquePrefix();

    public void Dispose() => _server.Stop();

    [RedisFact]
    public async Task TwoClientsInOneProcess_OnDifferentClocks_ShareTheWindowThroughRedis()
    {
        // Two clocks at the same time: the in-process registry is per clock, so only Redis can carry the window across.
        var firstClock = TestSupport.ClockAtRealTime();
        var secondClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(firstClock.GetUtcNow());
        TestSupport.WindowSpentUntil(_server, firstClock.GetUtcNow().AddSeconds(7));
        using var store = RedisRateLimitStore.Connect(RedisAddress.Required, new RedisRateLimitStoreOptions { KeyPrefix = _prefix });
        using var first = CreateClient(store, firstClock);
        using var second = CreateClient(store, secondClock, o => o.MaxRetryAfter = TimeSpan.FromSeconds(1));
        await first.Customers.GetAsync("cust_1");

        var thrown = await second.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>();

        thrown.Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        _server.LogEntries.Should().HaveCount(1);
    }

    [RedisFact]
    public async Task TwoProcesses_ShareTheWindowThroughRedis()
    {
        TestSupport.WindowSpentUntil(_server, TimeProvider.System.GetUtcNow().AddSeconds(30));
        using var store = RedisRateLimitStore.Connect(RedisAddress.Required, new RedisRateLimitStoreOptions { KeyPrefix = _prefix });
        using var client = CreateClient(store, TimeProvider.System);
        await client.Customers.GetAsync("cust_1");

        var output = await RunPeerAsync(_server.Url!, TestSupport.ApiKey, RedisAddress.Required, _prefix, "20");

        output.Should().StartWith("rate-limited", "the second process is told the window the first one was (and its probe interval, 20 s, has not passed)");
        _server.LogEntries.Should().HaveCount(1);
    }

    [RedisFact]
    public async Task TwoProcesses_ShareOneProbePerInterval()
    {
        TestSupport.AlwaysTooManyRequests(_server, 3600);
        using var store = RedisRateLimitStore.Connect(RedisAddress.Required, new RedisRateLimitStoreOptions { KeyPrefix = _prefix });
        using var client = CreateClient(store, TimeProvider.System, o => o.MaxRetryAfter = TimeSpan.FromSeconds(8));
        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>();

        // Past the interval, the peer's call is the fleet's probe; right after it, this process is refused.
        await Task.Delay(TimeSpan.FromSeconds(8.2), TimeProvider.System);
        var output = await RunPeerAsync(_server.Url!, TestSupport.ApiKey, RedisAddress.Required, _prefix, "8");
        var thrown = await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>();

        output.Should().StartWith("rate-limited", "the peer's call went to the server as the fleet's probe, and was answered 429 again");
        thrown.Which.ClientReason.Should().Be(DataPulseClientReason.RateLimitPaused, "not sent: the probe of this interval was the peer's");
        _server.LogEntries.Should().HaveCount(2, "one probe per interval for the whole fleet");
    }

    [RedisFact]
    public async Task RetryBudget_IsSharedThroughRedis()
    {
        using var store = RedisRateLimitStore.Connect(RedisAddress.Required, new RedisRateLimitStoreOptions { KeyPrefix = _prefix });

        (await store.UpdateRetryTokensAsync("b", -3, 10)).Should().Be(7);
        (await store.UpdateRetryTokensAsync("b", 0.1, 10)).Should().BeApproximately(7.1, 1e-9);
        using var other = RedisRateLimitStore.Connect(RedisAddress.Required, new RedisRateLimitStoreOptions { KeyPrefix = _prefix });
        (await other.UpdateRetryTokensAsync("b", -100, 10)).Should().Be(0);
    }

    [Fact]
    public async Task RedisUnreachable_CallsGoOnWithTheLocalWindowAndWarnOnce()
    {
        TestSupport.WindowSpentUntil(_server, TimeProvider.System.GetUtcNow().AddSeconds(-60));
        using var store = RedisRateLimitStore.Connect(ClosedLoopbackPort(), new RedisRateLimitStoreOptions { KeyPrefix = _prefix });
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        using var client = CreateClient(store, TimeProvider.System, o => o.LoggerFactory = loggerFactory);

        for (var i = 0; i < 3; i++)
        {
            await client.Customers.GetAsync("cust_1");
        }

        _server.LogEntries.Should().HaveCount(3);
        logs.GetSnapshot().Where(r => r.Id.Name == "RateLimitStoreUnavailable").Should().ContainSingle().Which.Level.Should().Be(LogLevel.Warning);
    }

    [Fact]
    public void UseRedisRateLimits_SetsTheStoreOnTheClientsOptions()
    {
        var services = new ServiceCollection();
        services.AddDataPulse(o => o.ApiKey = TestSupport.ApiKey).UseRedisRateLimits(ClosedLoopbackPort());
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<DataPulseClientOptions>>().Get(string.Empty);

        options.RateLimitStore.Should().BeOfType<RedisRateLimitStore>();
    }

    private DataPulseClient CreateClient(IRateLimitStore store, TimeProvider clock, Action<DataPulseClientOptions>? configure = null)
    {
        var options = new DataPulseClientOptions
        {
            ApiKey = TestSupport.ApiKey,
            BaseAddress = new Uri(_server.Url!),
            RateLimitStore = store,
            TimeProvider = clock,
            RetryBaseDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new DataPulseClient(options);
    }

    private static string ClosedLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"127.0.0.1:{port}";
    }

    private static async Task<string> RunPeerAsync(params string[] args)
    {
        // The load-scenarios console sits beside this project, built in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var peer = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "DataPulse.Client.LoadScenarios", "bin", configuration, "net10.0", "DataPulse.Client.LoadScenarios.dll"));
        File.Exists(peer).Should().BeTrue($"the peer process is built at {peer}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(peer);
        start.ArgumentList.Add("peer-once");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return output.Trim();
    }
}
