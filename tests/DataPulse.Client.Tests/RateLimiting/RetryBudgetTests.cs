using DataPulse.Client.RateLimiting;
using DataPulse.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>
/// The retry budget as documented: a retryable failure takes a token, a success gives back TokenRatio, and a retry is
/// made only while more than MaxTokens / 2 are left.
/// </summary>
public sealed class RetryBudgetTests : IDisposable
{
    private const string FailingPath = "/v1/customers/cust_down";

    private readonly ApiServer _api = new();
    private readonly TimerRecordingClock _clock = WindowStubs.ClockAtRealTime();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Outage_OnceHalfTheTokensAreGone_CallsFailFastWithABudgetMessage()
    {
        WindowStubs.Always(_api, WindowStubs.Error(503, "0"), FailingPath);
        using var client = CreateClient(maxTokens: 10);

        var first = await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();
        first.Which.Message.Should().NotContain("retry budget");
        _api.Requests.Should().HaveCount(4, "tokens 9, 8, 7, 6 are all above half: every retry is made");

        var second = await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();
        second.Which.Message.Should().Contain("retry budget is spent");
        second.Which.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        _api.Requests.Should().HaveCount(5, "at 5 of 10 tokens the call is not retried");
    }

    [Fact]
    public async Task Outage_SuccessesRefillTheBudget_RetriesResume()
    {
        WindowStubs.Always(_api, WindowStubs.Error(503, "0"), FailingPath);
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 90, _clock.GetUtcNow().AddSeconds(60)));
        using var client = CreateClient(maxTokens: 10, tokenRatio: 1);
        await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();
        await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();

        await client.Customers.GetAsync("cust_1");
        await client.Customers.GetAsync("cust_1");
        var before = FailingRequests();
        await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();

        (FailingRequests() - before).Should().Be(2, "two successes bring 5 tokens to 7: one failure leaves 6 (retry), the next 5 (no retry)");
    }

    [Fact]
    public async Task Outage_TheFirstAttemptOfEveryCallStillGoesOut()
    {
        WindowStubs.Always(_api, WindowStubs.Error(503, "0"), FailingPath);
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 90, _clock.GetUtcNow().AddSeconds(60)));
        using var client = CreateClient(maxTokens: 2);
        await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();

        var profile = await client.Customers.GetAsync("cust_1");

        profile.CustomerId.Should().Be("cust_1", "a spent budget only stops retries, never a call");
    }

    [Fact]
    public async Task ConnectionRefused_BudgetSpent_ThrowsConnectionExceptionWithABudgetMessage()
    {
        using var client = CreateClient(maxTokens: 2, o => o.BaseAddress = ScriptedServer.ClosedPort());

        var thrown = await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseConnectionException>();

        thrown.Which.Message.Should().Contain("retry budget is spent");
        thrown.Which.InnerException.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task RateLimitedWithRetryAfter_WhilePaced_IsRetriedWithoutSpendingTheBudget()
    {
        WindowStubs.Always(_api, WindowStubs.Error(429, "0"), FailingPath);
        using var client = CreateClient(maxTokens: 2);

        var thrown = await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseRateLimitException>();

        thrown.Which.Message.Should().NotContain("retry budget");
        _api.Requests.Should().HaveCount(4, "the server scheduled these retries and the pause holds every caller");
    }

    [Fact]
    public async Task RateLimitedWithRetryAfter_PacingOff_NeverSpendsTheBudget()
    {
        WindowStubs.Always(_api, WindowStubs.Error(429, "0"), FailingPath);
        using var client = CreateClient(maxTokens: 2, o => o.RateLimitPacing = false);

        var thrown = await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseRateLimitException>();

        thrown.Which.ClientReason.Should().Be(DataPulseClientReason.None);
        thrown.Which.Message.Should().NotContain("retry budget", "a 429 with Retry-After is the server pacing the client, not an outage");
        _api.Requests.Should().HaveCount(4, "MaxRetries (3) decides, not the budget");
    }

    [Fact]
    public async Task BudgetOff_Outage_EveryCallIsRetriedUpToMaxRetries()
    {
        WindowStubs.Always(_api, WindowStubs.Error(503, "0"), FailingPath);
        using var client = CreateClient(maxTokens: 2, o => o.RetryBudget.Enabled = false);

        await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();
        await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();

        _api.Requests.Should().HaveCount(8);
    }

    [Fact]
    public async Task Budget_IsSharedByClientsOnTheSameKey()
    {
        WindowStubs.Always(_api, WindowStubs.Error(503, "0"), FailingPath);
        using var first = CreateClient(maxTokens: 10);
        using var second = CreateClient(maxTokens: 10);
        await first.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();

        await second.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();

        _api.Requests.Should().HaveCount(5, "the second client starts from the 6 tokens the first one left");
    }

    [Fact]
    public async Task BudgetRefusal_IsCountedOnTheMeterAndLoggedAsAWarning()
    {
        WindowStubs.Always(_api, WindowStubs.Error(503, "0"), FailingPath);
        using var metrics = new MetricCapture();
        using var logs = new LogCapture();
        using var client = CreateClient(maxTokens: 2, o => o.LoggerFactory = logs.Factory);

        await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();

        metrics.Of("datapulse.client.retry_budget.refusals", _api.BaseAddress.Port).Should().ContainSingle();
        logs.Records.Should().Contain(r => r.Id.Name == "RetryBudgetRefused" && r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task BudgetTokens_AreObservableOnTheMeter()
    {
        WindowStubs.Always(_api, WindowStubs.Error(503, "0"), FailingPath);
        using var client = CreateClient(maxTokens: 10);
        await client.Invoking(c => c.Customers.GetAsync("cust_down")).Should().ThrowAsync<DataPulseServerException>();
        var observed = new System.Collections.Concurrent.ConcurrentBag<(double Tokens, Dictionary<string, object?> Tags)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "DataPulse.Client" && instrument.Name == "datapulse.client.retry_budget.tokens")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => observed.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        listener.RecordObservableInstruments();

        observed.Should().Contain(m => (string?)m.Tags["server.address"] == _api.BaseAddress.Host && (int?)m.Tags["server.port"] == _api.BaseAddress.Port && m.Tokens == 6);
        observed.SelectMany(m => m.Tags.Keys).Should().OnlyContain(tag => tag == "server.address" || tag == "server.port", "no key, nor a hash of it, in a metric tag");
    }

    [Theory]
    [InlineData(1, 0.1, "RetryBudget.MaxTokens")]
    [InlineData(100, 0.0, "RetryBudget.TokenRatio")]
    [InlineData(100, 1.5, "RetryBudget.TokenRatio")]
    public void InvalidBudgetSettings_AreRefusedAtConstruction(int maxTokens, double tokenRatio, string setting)
    {
        var options = _api.Options(o => o.RetryBudget = new RetryBudgetOptions { MaxTokens = maxTokens, TokenRatio = tokenRatio });

        var act = () => new DataPulseClient(options);

        act.Should().Throw<ArgumentException>().WithMessage($"*{setting}*");
    }

    private int FailingRequests() => _api.Server.FindLogEntries(Request.Create().WithPath(FailingPath)).Count;

    private DataPulseClient CreateClient(int maxTokens, Action<DataPulseClientOptions>? configure = null) =>
        CreateClient(maxTokens, tokenRatio: 0.1, configure);

    private DataPulseClient CreateClient(int maxTokens, double tokenRatio, Action<DataPulseClientOptions>? configure = null) => _api.CreateClient(o =>
    {
        o.TimeProvider = _clock;
        o.MaxRetries = 3;
        o.RetryBudget = new RetryBudgetOptions { MaxTokens = maxTokens, TokenRatio = tokenRatio };
        configure?.Invoke(o);
    });
}
