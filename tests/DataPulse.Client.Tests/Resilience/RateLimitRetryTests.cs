using System.Globalization;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>429 and 503 with and without <c>Retry-After</c>, on a fake clock: exact waits, nothing sleeps.</summary>
public sealed class RateLimitRetryTests : IClassFixture<ApiServer>
{
    private const string SandboxCustomer = "cust_92f8a3b1";

    // Distinct from every Retry-After and backoff value below, so the retry delay's timer can be told apart.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(50);
    private static readonly TimeSpan Overall = TimeSpan.FromSeconds(1000);

    private readonly ApiServer _api;
    private readonly TimerRecordingClock _clock = new();

    public RateLimitRetryTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task RateLimited_RetryAfterDeltaSeconds_WaitsExactlyThatLongBeforeRetrying()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(429, "7"), failures: 1);
        using var client = CreateClient();

        var call = client.Customers.GetAsync("cust_1");
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        _clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        _api.Requests.Should().HaveCount(1, "the retry must not go out before the full Retry-After has passed");
        call.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var profile = await call.WaitAsync(TimeSpan.FromSeconds(5));

        profile.CustomerId.Should().Be("cust_1");
        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task RateLimited_RetryAfterHttpDate_WaitsUntilThatDateOnTheInjectedClock()
    {
        var date = _clock.GetUtcNow().AddSeconds(20).ToString("R", CultureInfo.InvariantCulture);
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(429, date), failures: 1);
        using var client = CreateClient();

        var call = client.Customers.GetAsync("cust_1");
        var wait = await _clock.WaitForTimerAsync(IsRetryDelay);
        wait.Should().Be(TimeSpan.FromSeconds(20));
        _clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        _api.Requests.Should().HaveCount(1);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(5));
        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task RateLimited_NoRetryAfter_BacksOffExponentiallyWithJitterWithinDocumentedBounds()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(429), failures: 3);
        using var client = CreateClient(o => o.RetryBaseDelay = TimeSpan.FromSeconds(2));

        var call = client.Customers.GetAsync("cust_1");
        for (var retry = 0; retry < 3; retry++)
        {
            var wait = await _clock.WaitForTimerAsync(IsRetryDelay, skip: retry);
            var ceiling = TimeSpan.FromSeconds(2 * Math.Pow(2, retry));
            wait.Should().BeGreaterThanOrEqualTo(ceiling / 2).And.BeLessThanOrEqualTo(ceiling, "retry {0} waits between half and all of base × 2^{0}", retry);
            _clock.Advance(wait);
        }

        await call.WaitAsync(TimeSpan.FromSeconds(5));
        _api.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task RateLimited_EveryTime_ThrowsRateLimitAfterMaxRetriesPlusOneAttemptsWithRetryAfterAndRateLimit()
    {
        CannedResponses.CustomerAlways(_api, CannedResponses.Error(429, "1"));
        using var client = CreateClient(o => o.MaxRetries = 3);

        var call = client.Customers.GetAsync("cust_1");
        await _clock.DriveAsync(call, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));

        var thrown = (await call.Invoking(c => c).Should().ThrowAsync<DataPulseRateLimitException>()).Which;
        _api.Requests.Should().HaveCount(4);
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        thrown.RateLimit.Limit.Should().Be(100);
        thrown.RateLimit.Remaining.Should().Be(0);
        // On this machine's clock: WireMock's Date is the real time, far from the test clock, so the reset is moved (RateLimitHeadersTests).
        thrown.RateLimit.ResetsAt.Should().NotBeNull();
    }

    [Fact]
    public async Task RateLimited_RetryAfterAboveMaxRetryAfter_ThrowsAtOnceAfterOneRequest()
    {
        CannedResponses.CustomerAlways(_api, CannedResponses.Error(429, "3600"));
        using var client = CreateClient(o =>
        {
            o.MaxRetryAfter = TimeSpan.FromSeconds(60);
            // Long enough that the overall-deadline rule would let an hour's wait through: only MaxRetryAfter refuses it.
            o.Timeout = TimeSpan.FromHours(2);
        });

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5)))
            .Should().ThrowAsync<DataPulseRateLimitException>()).Which;

        thrown.RetryAfter.Should().Be(TimeSpan.FromHours(1));
        _api.Requests.Should().HaveCount(1);
        _clock.Timers.Should().NotContain(TimeSpan.FromHours(1), "the hour's wait is refused, never started");
    }

    [Fact]
    public async Task RateLimited_RetryAfterEqualToMaxRetryAfter_IsWaitedOut()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(429, "60"), failures: 1);
        using var client = CreateClient(o => o.MaxRetryAfter = TimeSpan.FromSeconds(60));

        var call = client.Customers.GetAsync("cust_1");
        _clock.Advance(await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(60)));

        await call.WaitAsync(TimeSpan.FromSeconds(5));
        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task RateLimited_MaxRetryAfterZero_AnyPositiveRetryAfterThrowsAtOnce()
    {
        CannedResponses.CustomerAlways(_api, CannedResponses.Error(429, "1"));
        using var client = CreateClient(o => o.MaxRetryAfter = TimeSpan.Zero);

        await client.Invoking(c => c.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5))).Should().ThrowAsync<DataPulseRateLimitException>();

        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task RateLimited_MaxRetryAfterZero_RetryAfterZeroIsStillRetried()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(429, "0"), failures: 1);
        using var client = CreateClient(o => o.MaxRetryAfter = TimeSpan.Zero);

        await client.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5));

        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task RateLimited_RetryAfterEndingPastTheOverallDeadline_ThrowsRateLimitAtOnceInsteadOfTimingOut()
    {
        CannedResponses.CustomerAlways(_api, CannedResponses.Error(429, "30"));
        using var client = CreateClient(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(20);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        });

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5)))
            .Should().ThrowAsync<DataPulseRateLimitException>()).Which;

        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task ServiceUnavailable_RetryAfter_IsHonoured()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(503, "5"), failures: 1);
        using var client = CreateClient();

        var call = client.Customers.GetAsync("cust_1");
        (await _clock.WaitForTimerAsync(IsRetryDelay)).Should().Be(TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        _api.Requests.Should().HaveCount(1);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(5));
        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task ServiceUnavailable_RetryAfterAboveMaxRetryAfter_ThrowsServerExceptionAtOnce()
    {
        CannedResponses.CustomerAlways(_api, CannedResponses.Error(503, "120"));
        using var client = CreateClient();

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1").WaitAsync(TimeSpan.FromSeconds(5)))
            .Should().ThrowAsync<DataPulseServerException>()).Which;

        thrown.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        thrown.ResponseHeaders["Retry-After"].Should().Equal("120");
        _api.Requests.Should().HaveCount(1);
    }

    private static bool IsRetryDelay(TimeSpan dueTime) => dueTime != AttemptTimeout && dueTime != Overall;

    private DataPulseClient CreateClient(Action<DataPulseClientOptions>? configure = null) => _api.CreateClient(o =>
    {
        o.TimeProvider = _clock;
        o.AttemptTimeout = AttemptTimeout;
        o.Timeout = Overall;
        o.RetryBaseDelay = TimeSpan.FromSeconds(1);
        configure?.Invoke(o);
    });

    [Fact]
    public async Task RateLimitedOnce_RetriesAfterRetryAfterOnTheClientsClockAndSucceeds()
    {
        await using var session = new SandboxSession();
        session.Sandbox.RateLimitNextCalls(1, TimeSpan.FromSeconds(1));
        using var client = session.CreateClient();

        var call = client.Customers.GetAsync(SandboxCustomer);
        await session.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));

        call.IsCompleted.Should().BeFalse("the retry waits for the Retry-After on the client's clock, which has not moved");
        session.Calls().Should().Equal($"GET /v1/customers/{SandboxCustomer} 429");
        session.Clock.Advance(TimeSpan.FromSeconds(1));
        var customer = await call.WaitAsync(TimeSpan.FromSeconds(10));

        customer.CustomerId.Should().Be(SandboxCustomer);
        session.Calls().Should().Equal($"GET /v1/customers/{SandboxCustomer} 429", $"GET /v1/customers/{SandboxCustomer} 200");
    }

    [Fact]
    public async Task RateLimitedBeyondMaxRetries_ThrowsRateLimitWithRetryAfter()
    {
        await using var session = new SandboxSession();
        var maxRetries = new DataPulseClientOptions().MaxRetries;
        session.Sandbox.RateLimitNextCalls(maxRetries + 2, TimeSpan.FromSeconds(1));
        using var client = session.CreateClient();

        var act = () => session.DriveAsync(client.Customers.GetAsync(SandboxCustomer));

        var thrown = (await act.Should().ThrowAsync<DataPulseRateLimitException>()).Which;
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        thrown.ErrorCode.Should().Be("rate_limit_exceeded");
        thrown.RateLimit.Remaining.Should().Be(0);
        session.Sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(Enumerable.Repeat(429, maxRetries + 1),
            "the first attempt and MaxRetries retries, then the SDK gives up");
    }

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("18446744073709551616")]
    public async Task HugeRetryAfter_ThrowsRateLimitAtOnce_WithoutRetrying(string retryAfter)
    {
        await using var server = new ScriptedServer((stream, _, ct) => ScriptedServer.SendAsync(
            stream, $"HTTP/1.1 429 Too Many Requests\r\nRetry-After: {retryAfter}\r\nContent-Length: 0\r\nConnection: close", string.Empty, ct));
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = server.BaseAddress, MaxRetries = 3 });

        var thrown = await client.Customers.Invoking(c => c.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>().WaitAsync(TimeSpan.FromSeconds(10));

        thrown.Which.RetryAfter.Should().BeGreaterThan(TimeSpan.FromDays(365));
        server.Received.Should().ContainSingle();
    }
}
