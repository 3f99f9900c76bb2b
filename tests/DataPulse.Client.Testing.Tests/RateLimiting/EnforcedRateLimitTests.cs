using System.Net;
using System.Text.Json;
using DataPulse.Client.Testing;
using DataPulse.Client.Testing.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Testing.Tests.RateLimiting;

public sealed class EnforcedRateLimitTests : IAsyncLifetime
{
    // 08:30:10 UTC: 50 s before the one-minute window that started at 08:30:00 resets.
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 8, 30, 10, TimeSpan.Zero);
    private static readonly long NextMinute = new DateTimeOffset(2025, 1, 15, 8, 31, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private readonly TimerWatchingClock _clock = new(Now);
    private DataPulseSandbox _sandbox = null!;

    public Task InitializeAsync()
    {
        _sandbox = Start(new SandboxRateLimit(3, TimeSpan.FromMinutes(1)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task EveryAnswer_CarriesTheKeysWindowExactly()
    {
        using var http = SandboxHttp.Client(_sandbox, _sandbox.ApiKey);

        var answers = await GetAsync(http, 3);

        answers.Select(a => a.Remaining).Should().Equal(2, 1, 0);
        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.OK && a.Limit == 3 && a.Reset == NextMinute);
    }

    [Fact]
    public async Task RequestBeyondTheLimit_Gets429WithRetryAfterUntilTheReset()
    {
        using var http = SandboxHttp.Client(_sandbox, _sandbox.ApiKey);
        await GetAsync(http, 3);

        using var refused = await http.GetAsync("v1/customers/cust_92f8a3b1");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(50));
        refused.HeaderNumber("X-RateLimit-Remaining").Should().Be(0);
        refused.HeaderNumber("X-RateLimit-Reset").Should().Be(NextMinute);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        error.GetProperty("type").GetString().Should().Be("rate_limit_error");
        error.GetProperty("code").GetString().Should().Be("rate_limit_exceeded");
        error.GetProperty("trace_id").GetString().Should().Be(refused.Header("X-Trace-Id"));
    }

    [Fact]
    public async Task RetryAfter_IsRoundedUpToAWholeSecond()
    {
        using var http = SandboxHttp.Client(_sandbox, _sandbox.ApiKey);
        await GetAsync(http, 3);
        _clock.Advance(TimeSpan.FromSeconds(49.5));

        using var refused = await http.GetAsync("v1/customers/cust_92f8a3b1");

        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task NextWindow_StartsAtTheAlignedReset_WithTheFullLimit()
    {
        using var http = SandboxHttp.Client(_sandbox, _sandbox.ApiKey);
        await GetAsync(http, 4);
        _clock.Advance(TimeSpan.FromSeconds(50));

        var next = (await GetAsync(http, 1)).Single();

        next.Status.Should().Be(HttpStatusCode.OK, "08:31:00 starts a new window");
        next.Remaining.Should().Be(2, "the refused request did not count in the old window, and the new one starts full");
        next.Reset.Should().Be(NextMinute + 60);
    }

    [Fact]
    public async Task RefusedRequests_StayAtZeroRemaining_AndTheNextWindowServesAgain()
    {
        await _sandbox.DisposeAsync();
        _sandbox = Start(new SandboxRateLimit(1, TimeSpan.FromSeconds(10)));
        using var http = SandboxHttp.Client(_sandbox, _sandbox.ApiKey);
        await GetAsync(http, 1);

        var refused = await GetAsync(http, 5);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var next = await GetAsync(http, 1);

        refused.Should().OnlyContain(a => a.Status == HttpStatusCode.TooManyRequests && a.Remaining == 0);
        next.Single().Status.Should().Be(HttpStatusCode.OK);
        _sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal([200, 429, 429, 429, 429, 429, 200]);
    }

    [Fact]
    public async Task EachKey_HasItsOwnWindow()
    {
        using var full = SandboxHttp.Client(_sandbox, _sandbox.ApiKey);
        using var readOnly = SandboxHttp.Client(_sandbox, _sandbox.ReadOnlyApiKey);
        await GetAsync(full, 4);

        var other = (await GetAsync(readOnly, 1)).Single();

        other.Status.Should().Be(HttpStatusCode.OK);
        other.Remaining.Should().Be(2);
    }

    [Fact]
    public async Task WindowThatIsNotWholeSeconds_ReportsItsResetRoundedUp()
    {
        await _sandbox.DisposeAsync();
        _sandbox = Start(new SandboxRateLimit(1, TimeSpan.FromMilliseconds(1500)));
        using var http = SandboxHttp.Client(_sandbox, _sandbox.ApiKey);

        var answers = await GetAsync(http, 2);

        // 08:30:10 is 1,736,929,810 s after the epoch: its 1.5 s window runs to 1,736,929,810.5.
        answers.Select(a => a.Reset).Should().Equal(Now.ToUnixTimeSeconds() + 1, Now.ToUnixTimeSeconds() + 1);
        answers[1].Status.Should().Be(HttpStatusCode.TooManyRequests);
        answers[1].RetryAfter.Should().Be(1);
    }

    [Fact]
    public async Task Sdk_HoldsTheCallAfterASpentWindowOnItsClockAndIsServedInTheNextWindow()
    {
        await _sandbox.DisposeAsync();
        _sandbox = Start(new SandboxRateLimit(1, TimeSpan.FromSeconds(10)));
        using var client = _sandbox.CreateClient(o => o.TimeProvider = _clock);
        await client.Customers.GetAsync("cust_92f8a3b1");

        var customer = await _clock.DriveAsync(client.Customers.GetAsync("cust_92f8a3b1"));

        customer.CustomerId.Should().Be("cust_92f8a3b1");
        _sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(200, 200);
    }

    [Fact]
    public async Task Sdk_WithoutPacing_WaitsForTheRetryAfterOnItsClockAndIsServedInTheNextWindow()
    {
        await _sandbox.DisposeAsync();
        _sandbox = Start(new SandboxRateLimit(1, TimeSpan.FromSeconds(10)));
        using var client = _sandbox.CreateClient(o =>
        {
            o.TimeProvider = _clock;
            o.RateLimitPacing = false;
        });
        await client.Customers.GetAsync("cust_92f8a3b1");

        var customer = await _clock.DriveAsync(client.Customers.GetAsync("cust_92f8a3b1"));

        customer.CustomerId.Should().Be("cust_92f8a3b1");
        _sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(200, 429, 200);
    }

    [Fact]
    public async Task Sdk_WithoutPacingOrRetries_ThrowsRateLimitWithTheWindowsRetryAfter()
    {
        using var client = _sandbox.CreateClient(o =>
        {
            o.MaxRetries = 0;
            o.RateLimitPacing = false; // with pacing, the fourth call would be held until the reset instead of sent
        });
        for (var i = 0; i < 3; i++)
        {
            await client.Customers.GetAsync("cust_92f8a3b1");
        }

        var act = () => client.Customers.GetAsync("cust_92f8a3b1");

        var thrown = (await act.Should().ThrowAsync<DataPulseRateLimitException>()).Which;
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(50));
        thrown.RateLimit.Limit.Should().Be(3);
        thrown.RateLimit.Remaining.Should().Be(0);
    }

    [Theory]
    [InlineData(0, 60_000)]
    [InlineData(1, 0)]
    [InlineData(1, -1)]
    public void Start_WithANonPositiveLimitOrWindow_Throws(int permits, int windowMs)
    {
        var act = () => DataPulseSandbox.Start(new DataPulseSandboxOptions
        {
            EnforcedRateLimit = new SandboxRateLimit(permits, TimeSpan.FromMilliseconds(windowMs)),
        });

        act.Should().Throw<ArgumentException>().WithMessage("*EnforcedRateLimit*");
    }

    private DataPulseSandbox Start(SandboxRateLimit limit) =>
        DataPulseSandbox.Start(new DataPulseSandboxOptions { EnforcedRateLimit = limit, TimeProvider = _clock });

    private static async Task<List<Answer>> GetAsync(HttpClient http, int times)
    {
        var answers = new List<Answer>();
        for (var i = 0; i < times; i++)
        {
            using var response = await http.GetAsync("v1/customers/cust_92f8a3b1");
            answers.Add(new Answer(
                response.StatusCode,
                response.HeaderNumber("X-RateLimit-Limit"),
                response.HeaderNumber("X-RateLimit-Remaining"),
                response.HeaderNumber("X-RateLimit-Reset"),
                response.Headers.RetryAfter?.Delta is { } delta ? (long)delta.TotalSeconds : null));
        }

        return answers;
    }

    private sealed record Answer(HttpStatusCode Status, long Limit, long Remaining, long Reset, long? RetryAfter);
}
