using DataPulse.Client.Testing;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Latency;

public sealed class LatencyMiddlewareTests : SandboxTests
{
    private readonly TimerWatchingClock _clock;

    public LatencyMiddlewareTests()
        : this(new TimerWatchingClock(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero)))
    {
    }

    private LatencyMiddlewareTests(TimerWatchingClock clock)
        : base(new DataPulseSandboxOptions { TimeProvider = clock }) => _clock = clock;

    [Fact]
    public async Task AddLatency_HoldsTheAnswerUntilTheSandboxClockHasMovedThatFar()
    {
        Sandbox.AddLatency(TimeSpan.FromSeconds(3));
        Sandbox.AddLatency(TimeSpan.FromSeconds(2));
        using var client = Sandbox.CreateClient();

        var call = client.Analytics.GetKpiSummaryAsync();
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System));

        call.IsCompleted.Should().BeFalse("the latencies add up to 5 s on the sandbox's clock");
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        (await call.WaitAsync(TimeSpan.FromSeconds(10))).Revenue.Should().BePositive();
    }

    [Fact]
    public async Task AddLatency_LongerThanTheClientsAttemptTimeout_TimesTheAttemptOut()
    {
        Sandbox.AddLatency(TimeSpan.FromSeconds(5));
        using var impatient = Sandbox.CreateClient(o => { o.MaxRetries = 0; o.AttemptTimeout = TimeSpan.FromMilliseconds(50); });

        // The client is on the sandbox's clock: its 50 ms attempt deadline passes when that clock does.
        var call = impatient.Analytics.GetKpiSummaryAsync();
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromMilliseconds(50));

        (await call.Invoking(c => c.WaitAsync(TimeSpan.FromSeconds(10))).Should().ThrowAsync<DataPulseTimeoutException>())
            .Which.Kind.Should().Be(DataPulseTimeoutKind.Attempt);
    }

    [Fact]
    public async Task Dispose_DropsARequestStillHeldBackByLatency()
    {
        Sandbox.AddLatency(TimeSpan.FromMinutes(5));
        using var http = Http();
        var call = http.GetAsync("v1/analytics/kpis");
        await _clock.WaitForTimerAsync(TimeSpan.FromMinutes(5));

        await Sandbox.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(10))).Should().ThrowAsync<HttpRequestException>();
    }
}
