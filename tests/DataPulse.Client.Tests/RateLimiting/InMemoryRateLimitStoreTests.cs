using DataPulse.Client.RateLimiting;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>The window arithmetic every store follows, on the in-process store.</summary>
public sealed class InMemoryRateLimitStoreTests
{
    private const string Scope = "https://api.datapulse.io/#k=test";
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 8, 30, 0, TimeSpan.Zero);
    private readonly InMemoryRateLimitStore _store = new();

    [Fact]
    public async Task NoAnswerYet_WindowIsUnknown()
    {
        (await _store.AcquireAsync(Scope, Now)).Should().Be(RateLimitGrant.WindowUnknown);
    }

    [Fact]
    public async Task Granted_CountsAgainstWhatTheServerReported()
    {
        await _store.RecordWindowAsync(Scope, Window(remaining: 2, resetIn: 10), Now);

        (await _store.AcquireAsync(Scope, Now)).Status.Should().Be(RateLimitGrantStatus.Granted);
        (await _store.AcquireAsync(Scope, Now)).Status.Should().Be(RateLimitGrantStatus.Granted);
        (await _store.AcquireAsync(Scope, Now)).Should().Be(RateLimitGrant.WaitUntil(Now.AddSeconds(10)));
    }

    [Fact]
    public async Task SameWindow_TheLowerRemainingWins()
    {
        await _store.RecordWindowAsync(Scope, Window(remaining: 1, resetIn: 10), Now);
        await _store.RecordWindowAsync(Scope, Window(remaining: 50, resetIn: 10), Now);

        (await _store.AcquireAsync(Scope, Now)).Status.Should().Be(RateLimitGrantStatus.Granted);
        (await _store.AcquireAsync(Scope, Now)).Status.Should().Be(RateLimitGrantStatus.Wait, "a late answer with more left must not undo what was counted");
    }

    [Fact]
    public async Task LaterWindow_ReplacesTheOneKnown()
    {
        await _store.RecordWindowAsync(Scope, Window(remaining: 0, resetIn: 10), Now);
        await _store.RecordWindowAsync(Scope, Window(remaining: 5, resetIn: 20), Now);

        (await _store.AcquireAsync(Scope, Now)).Status.Should().Be(RateLimitGrantStatus.Granted);
    }

    [Fact]
    public async Task AfterTheReset_TheWindowStartsFullAtItsLimit()
    {
        await _store.RecordWindowAsync(Scope, Window(remaining: 0, resetIn: 10, limit: 1), Now);

        (await _store.AcquireAsync(Scope, Now.AddSeconds(10))).Status.Should().Be(RateLimitGrantStatus.Granted);
        (await _store.AcquireAsync(Scope, Now.AddSeconds(10))).Status.Should().Be(RateLimitGrantStatus.WindowUnknown, "the next reset is not known until an answer tells it");
    }

    [Fact]
    public async Task AnswerAboutAWindowAlreadyReset_IsIgnored()
    {
        await _store.RecordWindowAsync(Scope, Window(remaining: 0, resetIn: 0), Now);

        (await _store.AcquireAsync(Scope, Now)).Should().Be(RateLimitGrant.WindowUnknown);
    }

    [Fact]
    public async Task Pause_HoldsUntilItsEndAndTheLaterPauseWins()
    {
        await _store.RecordWindowAsync(Scope, Window(remaining: 50, resetIn: 60), Now);
        await _store.PauseAsync(Scope, Now.AddSeconds(5));
        await _store.PauseAsync(Scope, Now.AddSeconds(3));

        (await _store.AcquireAsync(Scope, Now)).Should().Be(RateLimitGrant.WaitUntil(Now.AddSeconds(5)));
        (await _store.AcquireAsync(Scope, Now.AddSeconds(5))).Status.Should().Be(RateLimitGrantStatus.Granted);
    }

    [Fact]
    public async Task RetryTokens_StartFullAndStayWithinZeroAndTheMaximum()
    {
        (await _store.UpdateRetryTokensAsync("b", 1, 10)).Should().Be(10);
        (await _store.UpdateRetryTokensAsync("b", -4, 10)).Should().Be(6);
        (await _store.UpdateRetryTokensAsync("b", -100, 10)).Should().Be(0);
        (await _store.UpdateRetryTokensAsync("b", 0.1, 10)).Should().BeApproximately(0.1, 1e-9);
    }

    private static RateLimitInfo Window(long remaining, int resetIn, long limit = 100) =>
        new() { Limit = limit, Remaining = remaining, ResetsAt = Now.AddSeconds(resetIn) };
}
