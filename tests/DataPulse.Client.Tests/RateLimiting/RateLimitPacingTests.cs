using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>Pacing to the server's window on a fake clock: exact waits, nothing sleeps, real HTTP to WireMock.</summary>
public sealed class RateLimitPacingTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly TimerRecordingClock _clock = WindowStubs.ClockAtRealTime();

    public void Dispose() => _api.Dispose();

    private DateTimeOffset In(int seconds) => _clock.GetUtcNow().AddSeconds(seconds);

    [Fact]
    public async Task WindowSpent_NextCallWaitsExactlyUntilReset()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 0, In(7), limit: 1));
        using var client = CreateClient();
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        await ShouldBeHeldExactlyAsync(client.Customers.GetAsync("cust_1"), TimeSpan.FromSeconds(7), "nothing may go out before the window resets");
    }

    [Fact]
    public async Task WindowWithRequestsLeft_NextCallGoesAtOnce()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 1, In(7)));
        using var client = CreateClient();
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        _api.Requests.Should().HaveCount(2);
        _clock.Timers.Should().NotContain(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task WindowSpent_CallerCancelsDuringTheWait_ThrowsOperationCanceledAndSendsNothing()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 0, In(7), limit: 1));
        using var client = CreateClient();
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));
        using var cts = new CancellationTokenSource();

        var call = client.Customers.GetAsync("cust_1", cts.Token);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        await cts.CancelAsync();

        await call.Invoking(c => c.WaitAsync(TimeSpan.FromSeconds(5))).Should().ThrowAsync<OperationCanceledException>();
        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task WindowSpent_ResetAfterTheOverallTimeout_ThrowsOverallTimeoutAtOnce()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 0, In(7), limit: 1));
        using var client = CreateClient(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(5);
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
        });
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5)))
            .Should().ThrowAsync<DataPulseTimeoutException>()).Which;

        thrown.Kind.Should().Be(DataPulseTimeoutKind.Overall);
        _api.Requests.Should().HaveCount(1);
        _clock.Timers.Should().NotContain(TimeSpan.FromSeconds(7), "a wait that cannot end in time is never started");
    }

    [Fact]
    public async Task WindowSpent_ResetFurtherAwayThanMaxRetryAfter_ThrowsRateLimitAtOnceWithRetryAfter()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 0, In(7), limit: 1));
        using var client = CreateClient(o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5)))
            .Should().ThrowAsync<DataPulseRateLimitException>()).Which;

        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        thrown.RateLimit.Remaining.Should().Be(0);
        thrown.Message.Should().Contain("MaxRetryAfter");
        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task WindowSpent_AnotherClientOnTheSameKey_WaitsForTheSameReset()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 0, In(7), limit: 1));
        using var first = CreateClient();
        using var second = CreateClient();
        await first.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        await ShouldBeHeldExactlyAsync(second.Customers.GetAsync("cust_1"), TimeSpan.FromSeconds(7), "the second client shares the first one's window");
    }

    [Fact]
    public async Task WindowSpent_AClientOnAnotherKey_IsNotHeldBack()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 0, In(7), limit: 1));
        using var first = CreateClient();
        using var other = CreateClient(o => o.ApiKey = WindowStubs.OtherKey);
        await first.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        await other.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_PausesEveryOtherCallerOnTheWindow()
    {
        WindowStubs.Always(_api, WindowStubs.Error(429, "10"), "/v1/customers/cust_busy");
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 50, In(60)));
        using var limited = CreateClient(o => o.MaxRetries = 0);
        using var other = CreateClient();
        await limited.Invoking(c => c.Customers.GetAsync("cust_busy")).Should().ThrowAsync<DataPulseRateLimitException>();

        await ShouldBeHeldExactlyAsync(other.Customers.GetAsync("cust_1"), TimeSpan.FromSeconds(10), "the other caller waits out the pause instead of drawing another 429");
    }

    [Fact]
    public async Task PacingOff_WindowSpent_NextCallGoesAtOnce()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 0, In(7), limit: 1));
        using var client = CreateClient(o => o.RateLimitPacing = false);
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task PacedWait_IsCountedOnTheMeterAndLogged()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 0, In(7), limit: 1));
        using var metrics = new MetricCapture();
        using var logs = new LogCapture();
        using var client = CreateClient(o => o.LoggerFactory = logs.Factory);
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        var call = client.Customers.GetAsync("cust_1");
        _clock.Advance(await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(7)));
        await call.WaitAsync(TimeSpan.FromSeconds(5));

        metrics.Of("datapulse.client.rate_limit.paced_waits", _api.BaseAddress.Port).Should().ContainSingle();
        logs.Records.Should().Contain(r => r.Id.Name == "RateLimitHold" && r.Level == Microsoft.Extensions.Logging.LogLevel.Information && r.Message.Contains("7000 ms"),
            "a wait a caller would notice is visible at Information");
    }

    /// <summary>Asserts that <paramref name="call"/> (the second request) goes out after exactly <paramref name="wait"/>, not a millisecond sooner.</summary>
    private async Task ShouldBeHeldExactlyAsync(Task call, TimeSpan wait, string because)
    {
        await _clock.WaitForTimerAsync(wait);
        _clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        _api.Requests.Should().HaveCount(1, because);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(5));
        _api.Requests.Should().HaveCount(2);
    }

    private DataPulseClient CreateClient(Action<DataPulseClientOptions>? configure = null) => _api.CreateClient(o =>
    {
        o.TimeProvider = _clock;
        o.AttemptTimeout = TimeSpan.FromSeconds(50);
        configure?.Invoke(o);
    });
}
