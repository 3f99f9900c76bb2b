using DataPulse.Client.LoadScenarios.Zoo;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>
/// The rules of pacing against the server zoo (servers that repeat, slide, lag and refuse), over real HTTP on a fake clock
/// shared by client and server: a request is held only on the server's words, never for a timer of the client's own, and
/// nothing the server said is trusted past <c>MaxRetryAfter</c> without asking again.
/// </summary>
public sealed class ServerZooTests
{
    private const int Callers = 64;
    private readonly TimerRecordingClock _clock = WindowStubs.ClockAtRealTime();

    // One store per test: the zoo's windows never meet another test's.
    private readonly DataPulse.Client.RateLimiting.InMemoryRateLimitStore _store = new();

    public static TheoryData<string> ServersThatNeverRefuse => ["static headers", "past reset", "delta-seconds reset", "decimal epoch reset", "no headers"];

    [Theory]
    [MemberData(nameof(ServersThatNeverRefuse))]
    public async Task ServerThatNeverRefuses_64Callers_AllGoWithoutATimerAndAtLeast32AtOnce(string server)
    {
        await using var zoo = await ZooServer.StartAsync(NeverRefusing(server), _clock);
        using var client = CreateClient(zoo);
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        zoo.HoldUntilInFlight = Callers / 2;

        var calls = Enumerable.Range(0, Callers).Select(_ => client.Customers.GetAsync("cust_1")).ToArray();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);

        zoo.Requests.Should().Be(Callers + 1);
        zoo.MaxInFlight.Should().BeGreaterThanOrEqualTo(Callers / 2, "the client lets at least as many out as the server said remain");
        _clock.Timers.Where(t => t < TimerRecordingClock.DeadlinesFrom).Should().BeEmpty("nothing was held for a timer: the clock never moved and every call finished");
    }

    [Fact]
    public async Task TruthfulFixedWindow_SendsWhatItAllows_HoldsTheRestUntilTheReset()
    {
        await using var zoo = await ZooServer.StartAsync(ZooBehaviours.FixedWindow(2, TimeSpan.FromSeconds(10)), _clock);
        using var client = CreateClient(zoo);
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        var calls = Enumerable.Range(0, 3).Select(_ => client.Customers.GetAsync("cust_1")).ToArray();
        await _clock.DriveAsync(Task.WhenAll(calls), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

        zoo.TooManyRequests.Should().BeLessThanOrEqualTo(1, "the client holds what the server says it has no room for; one request tests once whether the window refills");
        zoo.Requests.Should().Be(4 + zoo.TooManyRequests);
        calls.Should().OnlyContain(c => c.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TokenBucket_IsPacedToItsRefill_NotToWhenItIsFull()
    {
        await using var zoo = await ZooServer.StartAsync(ZooBehaviours.TokenBucket(capacity: 10, perSecond: 10), _clock);
        using var client = CreateClient(zoo);

        var calls = Enumerable.Range(0, 40).Select(_ => client.Customers.GetAsync("cust_1")).ToArray();
        await _clock.DriveAsync(Task.WhenAll(calls), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30));

        calls.Should().OnlyContain(c => c.IsCompletedSuccessfully);
        zoo.TooManyRequests.Should().BeLessThanOrEqualTo(2, "once the bucket is learned, requests are sent as it refills");
        // The clock is driven in 20 ms steps while real HTTP is in flight, so a loaded machine can stretch a gap; waiting for
        // a full bucket would leave a gap of about a second after every ten.
        var arrivals = zoo.Arrivals;
        var gaps = arrivals.Skip(10).Zip(arrivals.Skip(11), (earlier, later) => later - earlier).ToList();
        gaps.Should().NotContain(gap => gap >= TimeSpan.FromMilliseconds(900), "nobody waits for the bucket to be full");
        gaps.Count(gap => gap > TimeSpan.FromMilliseconds(150)).Should().BeLessThanOrEqualTo(2,
            "after the first full bucket, a request goes as each comes back (every 100 ms), not in bursts");
    }

    [Fact]
    public async Task DayLongRetryAfter_FailsFastWithoutSending_ProbesOncePerInterval_AndEveryClientRecoversWhenLifted()
    {
        var pause = ZooBehaviours.DayLongRetryAfter();
        await using var zoo = await ZooServer.StartAsync(pause, _clock);
        using var client = CreateClient(zoo, o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));

        var first = await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>();
        var held = await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>();
        using var newcomer = CreateClient(zoo, o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        await newcomer.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>();

        first.Which.RetryAfter.Should().Be(TimeSpan.FromDays(1));
        first.Which.ClientReason.Should().Be(DataPulseClientReason.None, "that one was the server's own 429");
        held.Which.ClientReason.Should().Be(DataPulseClientReason.RateLimitPaused);
        zoo.Requests.Should().Be(1, "calls during a pause longer than MaxRetryAfter are not sent");

        _clock.Advance(TimeSpan.FromSeconds(5));
        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>();
        await newcomer.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>();
        zoo.Requests.Should().Be(2, "one probe per interval, whichever client sends it");

        pause.Lift();
        _clock.Advance(TimeSpan.FromSeconds(5));
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        await newcomer.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        using var later = CreateClient(zoo);
        await later.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        zoo.Requests.Should().Be(5, "the probe's answer lifted the pause for every client");
    }

    [Fact]
    public async Task GatewayStormWithoutRateLimitHeaders_IsRetriedOnItsRetryAfter_AndNeverSpendsTheBudget()
    {
        await using var zoo = await ZooServer.StartAsync(ZooBehaviours.GatewayStorm(concurrency: 2), _clock);
        using var client = CreateClient(zoo, o => o.RetryBudget.MaxTokens = 2);
        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        zoo.HoldUntilInFlight = 4;
        zoo.HoldLimit = TimeSpan.FromMilliseconds(300);

        var calls = Enumerable.Range(0, 8).Select(_ => client.Customers.GetAsync("cust_1")).ToArray();
        await _clock.DriveAsync(Task.WhenAll(calls), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(60));

        zoo.TooManyRequests.Should().BeGreaterThan(0, "the gateway did refuse some");
        calls.Should().OnlyContain(c => c.IsCompletedSuccessfully, "a 429 with Retry-After is the server pacing the client: retried, never counted as an outage");
    }

    [Fact]
    public async Task RemainingZeroWithoutAReset_NothingInFlight_CallsStillGo()
    {
        await using var zoo = await ZooServer.StartAsync(new FixedAnswer(ZooAnswer.Ok(("X-RateLimit-Remaining", "0"))), _clock);
        using var client = CreateClient(zoo);

        for (var i = 0; i < 5; i++)
        {
            await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        }

        zoo.Requests.Should().Be(5, "with nothing in flight the client never deadlocks on its own bookkeeping");
    }

    private static ZooBehaviour NeverRefusing(string server) => server switch
    {
        "static headers" => ZooBehaviours.StaticHeaders(),
        "past reset" => ZooBehaviours.PastReset(),
        "delta-seconds reset" => ZooBehaviours.DeltaSecondsReset(),
        "decimal epoch reset" => ZooBehaviours.DecimalEpochReset(),
        _ => ZooBehaviours.NoHeaders(),
    };

    private DataPulseClient CreateClient(ZooServer zoo, Action<DataPulseClientOptions>? configure = null) => new(TestOptions.For(zoo.BaseAddress, o =>
    {
        o.TimeProvider = _clock;
        o.RateLimitStore = _store;
        o.Timeout = TimeSpan.FromDays(1);
        o.AttemptTimeout = TimeSpan.FromDays(1);
        configure?.Invoke(o);
    }));

    private sealed class FixedAnswer(ZooAnswer answer) : ZooBehaviour
    {
        public override string Name => "fixed answer";

        public override ZooAnswer Answer(DateTimeOffset now, int inFlight) => answer;
    }
}
