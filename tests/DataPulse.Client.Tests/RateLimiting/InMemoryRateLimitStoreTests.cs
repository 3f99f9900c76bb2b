using DataPulse.Client.RateLimiting;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>The store's rules on the in-process store, and what only it does.</summary>
public sealed class InMemoryRateLimitStoreTests : RateLimitStoreRules
{
    private readonly InMemoryRateLimitStore _store = new();

    protected override IRateLimitStore Store => _store;

    [Fact]
    public async Task Clear_ForgetsEveryWindowAndPause()
    {
        var sent = await AcquireAsync(Start, localInFlight: 0);
        await AnswerAsync(sent, Start, RateLimitInfo.None, retryAfter: TimeSpan.FromDays(1));

        _store.Clear();

        (await AcquireAsync(Start, localInFlight: 0)).Grant.Status.Should().Be(RateLimitGrantStatus.Granted);
    }

    [Fact]
    public async Task FullRetryBudget_IsNotKept()
    {
        (await _store.UpdateRetryTokensAsync("b", -1, 10)).Should().Be(9);
        (await _store.UpdateRetryTokensAsync("b", 1, 10)).Should().Be(10);

        (await _store.UpdateRetryTokensAsync("b", -2, 10)).Should().Be(8, "a full budget forgotten starts full again");
    }
}
