using DataPulse.Client.RateLimiting;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>A shared store that fails: the in-process store steps in, one warning, and the shared one is used again once back.</summary>
public sealed class FallbackRateLimitStoreTests : IDisposable
{
    private const string Scope = "https://api.datapulse.io/#k=test";
    private readonly TimerRecordingClock _clock = new();
    private readonly LogCapture _logs = new();
    private readonly FlakyStore _shared = new();
    private readonly InMemoryRateLimitStore _local = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task SharedStoreDown_LocalStoreAnswersAndOneWarningIsLogged()
    {
        var store = CreateStore();
        _shared.Down = true;
        for (var i = 0; i < 3; i++)
        {
            (await store.AcquireAsync(Scope, Request())).Status.Should().Be(RateLimitGrantStatus.Granted, "the in-process store answers");
        }

        _logs.Records.Where(r => r.Id.Name == "RateLimitStoreUnavailable").Should().ContainSingle();
    }

    [Fact]
    public async Task SharedStoreBack_IsUsedAgainAfterTheRetryInterval()
    {
        var store = CreateStore();
        _shared.Down = true;
        await store.AcquireAsync(Scope, Request());
        _shared.Down = false;

        await store.AcquireAsync(Scope, Request());
        _shared.Calls.Should().Be(1, "within the retry interval the shared store is not asked");

        _clock.Advance(FallbackRateLimitStore.RetryPrimaryAfter);
        await store.AcquireAsync(Scope, Request());

        _shared.Calls.Should().Be(2);
        _logs.Records.Should().Contain(r => r.Id.Name == "RateLimitStoreRecovered");
    }

    private RateLimitRequest Request() =>
        new(_clock.GetUtcNow(), 1, _clock.GetUtcNow().AddMinutes(1), 0, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));

    private FallbackRateLimitStore CreateStore() => new(_shared, _local, _clock, _logs.Factory.CreateLogger("DataPulse.Client"));

    private sealed class FlakyStore : IRateLimitStore
    {
        public bool Down { get; set; }

        public int Calls { get; private set; }

        public ValueTask<RateLimitGrant> AcquireAsync(string scope, RateLimitRequest request, CancellationToken cancellationToken = default) =>
            Answer(new RateLimitGrant(RateLimitGrantStatus.Granted));

        public ValueTask RecordAsync(string scope, RateLimitAnswer answer, CancellationToken cancellationToken = default) => default;

        public ValueTask<double> UpdateRetryTokensAsync(string budget, double change, double maxTokens, CancellationToken cancellationToken = default) =>
            Answer(maxTokens);

        private ValueTask<T> Answer<T>(T value)
        {
            Calls++;
            return Down ? ValueTask.FromException<T>(new InvalidOperationException("the shared store is down")) : new ValueTask<T>(value);
        }
    }
}
