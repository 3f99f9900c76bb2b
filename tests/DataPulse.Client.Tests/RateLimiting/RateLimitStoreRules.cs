using DataPulse.Client.RateLimiting;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>
/// The rules every <see cref="IRateLimitStore"/> follows, written once and run against each store: the in-process one
/// here, the Redis one in DataPulse.Client.Redis.Tests (this file is compiled into both). A request is held only on the
/// server's words; the client's own count only makes it wait for an answer; nothing is trusted past the caller's wait
/// without a probe.
/// </summary>
public abstract class RateLimitStoreRules
{
    protected static readonly DateTimeOffset Start = new(2025, 1, 15, 8, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(60);
    private long _lease;

    /// <summary>A fresh window's name for each test, so stores that outlive a test (Redis) start clean.</summary>
    protected string Scope { get; } = $"https://api.datapulse.io/#k={Guid.NewGuid():N}";

    protected abstract IRateLimitStore Store { get; }

    [RulesFact]
    public async Task BeforeAnyAnswer_FourGoAtOnce_TheFifthWaitsForAnAnswer()
    {
        for (var i = 0; i < 4; i++)
        {
            (await AcquireAsync(Start, localInFlight: i)).Status.Should().Be(RateLimitGrantStatus.Granted);
        }

        (await AcquireAsync(Start, localInFlight: 4)).Status.Should().Be(RateLimitGrantStatus.WaitForAnswer);
    }

    [RulesFact]
    public async Task NothingOutLocally_AlwaysGoes_WhateverTheCount()
    {
        for (var i = 0; i < 4; i++)
        {
            await AcquireAsync(Start, localInFlight: i);
        }

        (await AcquireAsync(Start, localInFlight: 0)).Status.Should().Be(RateLimitGrantStatus.Granted, "with nothing of its own out, a process never waits on its own bookkeeping");
    }

    [RulesFact]
    public async Task FirstAnswer_EndsSlowStart_EvenWithoutHeaders()
    {
        var first = await AcquireAsync(Start);
        await AnswerAsync(first, Start, RateLimitInfo.None);

        for (var i = 0; i < 50; i++)
        {
            (await AcquireAsync(Start, localInFlight: i + 1)).Status.Should().Be(RateLimitGrantStatus.Granted, "a server that sends no rate-limit headers is not paced");
        }
    }

    [RulesFact]
    public async Task RemainingLeft_AsManyGoAsRemain_ThenTheNextWaitsForAnAnswer()
    {
        await LearnAsync(Window(remaining: 3, resetIn: 10));

        for (var i = 0; i < 3; i++)
        {
            (await AcquireAsync(Start, localInFlight: i + 1)).Status.Should().Be(RateLimitGrantStatus.Granted);
        }

        (await AcquireAsync(Start, localInFlight: 3)).Status.Should().Be(RateLimitGrantStatus.WaitForAnswer, "the client's own count waits for an answer, never for a timer");
    }

    [RulesFact]
    public async Task AnAnswer_FreesItsPlace()
    {
        await LearnAsync(Window(remaining: 1, resetIn: 10));
        var sent = await AcquireAsync(Start, localInFlight: 1);

        await AnswerAsync(sent, Start, Window(remaining: 5, resetIn: 20));

        (await AcquireAsync(Start, localInFlight: 1)).Status.Should().Be(RateLimitGrantStatus.Granted);
    }

    [RulesFact]
    public async Task NoAnswerAtAll_FreesItsPlaceToo()
    {
        await LearnAsync(Window(remaining: 1, resetIn: 10));
        var sent = await AcquireAsync(Start, localInFlight: 1);

        await Store.RecordAsync(Scope, new RateLimitAnswer(sent.Id, sent.SentAt, Start, false, false, null, RateLimitInfo.None, sent.Grant));

        (await AcquireAsync(Start, localInFlight: 1)).Status.Should().Be(RateLimitGrantStatus.Granted);
    }

    [RulesFact]
    public async Task RemainingZero_HoldsEveryRequestUntilTheReset()
    {
        // A window of one: nothing to test it with before its reset.
        await LearnAsync(Window(remaining: 0, resetIn: 7, limit: 1));

        var held = await AcquireAsync(Start.AddSeconds(1));

        held.Status.Should().Be(RateLimitGrantStatus.WaitUntil);
        held.RetryAt.Should().Be(Start.AddSeconds(7));
        held.Reason.Should().Be(RateLimitHoldReason.WindowSpent);
    }

    [RulesFact]
    public async Task SpentWindowOfUnknownKind_IsTestedByOneRequest_WhenOneWouldBeBackHadItRefilled()
    {
        await LearnAsync(Window(remaining: 0, resetIn: 10, limit: 10));

        var early = await AcquireAsync(Start.AddSeconds(0.5), localInFlight: 0);
        var test = await AcquireAsync(Start.AddSeconds(1), localInFlight: 0);
        var others = await AcquireAsync(Start.AddSeconds(1), localInFlight: 1);

        early.Status.Should().Be(RateLimitGrantStatus.WaitUntil);
        early.RetryAt.Should().Be(Start.AddSeconds(1), "a tenth of the way to the reset, a window of 10 that refilled evenly has one back");
        test.Status.Should().Be(RateLimitGrantStatus.Probe);
        others.RetryAt.Should().Be(Start.AddSeconds(10), "one test only; the others wait for the reset or for the test's answer");
    }

    [RulesFact]
    public async Task RefusedTest_MeansAFixedWindow_HeldUntilItsResetFromThenOn()
    {
        await LearnAsync(Window(remaining: 0, resetIn: 10, limit: 10));
        var test = await AcquireAsync(Start.AddSeconds(1), localInFlight: 0);
        await Store.RecordAsync(Scope, new RateLimitAnswer(test.Id, test.SentAt, Start.AddSeconds(1), true, true, null, Window(remaining: 0, resetIn: 10, limit: 10), test.Grant));
        var next = await AcquireAsync(Start.AddSeconds(10), localInFlight: 0);
        await AnswerAsync(next, Start.AddSeconds(10), Window(remaining: 0, resetIn: 20, limit: 10));

        var held = await AcquireAsync(Start.AddSeconds(12), localInFlight: 0);

        held.Status.Should().Be(RateLimitGrantStatus.WaitUntil);
        held.RetryAt.Should().Be(Start.AddSeconds(20), "a window known to be fixed is not tested again");
    }

    [RulesFact]
    public async Task ServedTest_MeansARefillingWindow()
    {
        await LearnAsync(Window(remaining: 0, resetIn: 10, limit: 10));
        var test = await AcquireAsync(Start.AddSeconds(1), localInFlight: 0);
        await AnswerAsync(test, Start.AddSeconds(1), Window(remaining: 0, resetIn: 11, limit: 10));

        var held = await AcquireAsync(Start.AddSeconds(1.01), localInFlight: 0);

        held.RetryAt.Should().BeCloseTo(Start.AddSeconds(2), TimeSpan.FromMilliseconds(2), "10 missing, full again in 10 s: one back every second");
    }

    [RulesFact]
    public async Task AfterTheReset_RequestsGoAgain_UpToTheLimit()
    {
        await LearnAsync(Window(remaining: 0, resetIn: 7, limit: 2));

        (await AcquireAsync(Start.AddSeconds(7), localInFlight: 1)).Status.Should().Be(RateLimitGrantStatus.Granted);
        (await AcquireAsync(Start.AddSeconds(7), localInFlight: 1)).Status.Should().Be(RateLimitGrantStatus.Granted);
        (await AcquireAsync(Start.AddSeconds(7), localInFlight: 2)).Status.Should().Be(RateLimitGrantStatus.WaitForAnswer);
    }

    [RulesFact]
    public async Task ResetFurtherThanTheWait_IsRefused_ThenOneProbePerInterval()
    {
        await LearnAsync(Window(remaining: 0, resetIn: 3600, limit: 1));

        (await AcquireAsync(Start.AddSeconds(1))).Status.Should().Be(RateLimitGrantStatus.Refused);
        (await AcquireAsync(Start.AddSeconds(60))).Status.Should().Be(RateLimitGrantStatus.Probe, "an interval after the server spoke, one request asks again");
        (await AcquireAsync(Start.AddSeconds(61))).Status.Should().Be(RateLimitGrantStatus.Refused, "one probe per interval");
        (await AcquireAsync(Start.AddSeconds(120))).Status.Should().Be(RateLimitGrantStatus.Probe);
    }

    [RulesFact]
    public async Task RetryAfter_PausesEveryRequest()
    {
        await PauseAsync(Start, TimeSpan.FromSeconds(10));

        var held = await AcquireAsync(Start.AddSeconds(2));

        held.Status.Should().Be(RateLimitGrantStatus.WaitUntil);
        held.RetryAt.Should().Be(Start.AddSeconds(10));
        held.Reason.Should().Be(RateLimitHoldReason.Paused);
        (await AcquireAsync(Start.AddSeconds(10))).Status.Should().Be(RateLimitGrantStatus.Granted);
    }

    [RulesFact]
    public async Task RetryAfter_TakesPrecedenceOverTheWindowOfIts429()
    {
        var refused = await AcquireAsync(Start, localInFlight: 0);
        await AnswerAsync(refused, Start, Window(remaining: 0, resetIn: 40), retryAfter: TimeSpan.FromSeconds(1));

        (await AcquireAsync(Start.AddSeconds(1), localInFlight: 0)).Status.Should().Be(RateLimitGrantStatus.Granted, "the server asked to come back after 1 s, not at its window's reset");
    }

    [RulesFact]
    public async Task DayLongRetryAfter_IsRefused_AndAProbeGoesEveryInterval()
    {
        await PauseAsync(Start, TimeSpan.FromDays(1));

        (await AcquireAsync(Start.AddSeconds(30))).Status.Should().Be(RateLimitGrantStatus.Refused);
        (await AcquireAsync(Start.AddSeconds(60))).Status.Should().Be(RateLimitGrantStatus.Probe);
        (await AcquireAsync(Start.AddSeconds(90))).Status.Should().Be(RateLimitGrantStatus.Refused);
    }

    [RulesFact]
    public async Task ProbeAnswered_WithoutA429_LiftsThePause()
    {
        await PauseAsync(Start, TimeSpan.FromDays(1));
        var probe = await AcquireAsync(Start.AddSeconds(60));

        await AnswerAsync(probe, Start.AddSeconds(60), Window(remaining: 99, resetIn: 120));

        (await AcquireAsync(Start.AddSeconds(61))).Status.Should().Be(RateLimitGrantStatus.Granted);
    }

    [RulesFact]
    public async Task ProbeAnswered_WithAnother429_RenewsThePause()
    {
        await PauseAsync(Start, TimeSpan.FromDays(1));
        var probe = await AcquireAsync(Start.AddSeconds(60));

        await AnswerAsync(probe, Start.AddSeconds(60), RateLimitInfo.None, retryAfter: TimeSpan.FromSeconds(30));

        var held = await AcquireAsync(Start.AddSeconds(61));
        held.Status.Should().Be(RateLimitGrantStatus.WaitUntil, "the server's newest word is a 30 s pause");
        held.RetryAt.Should().Be(Start.AddSeconds(90));
    }

    [RulesFact]
    public async Task AnswerToARequestSentBeforeThePause_DoesNotLiftIt()
    {
        await LearnAsync(Window(remaining: 50, resetIn: 60));
        var early = await AcquireAsync(Start, localInFlight: 1);
        await PauseAsync(Start.AddSeconds(1), TimeSpan.FromSeconds(30));

        await AnswerAsync(early, Start.AddSeconds(2), Window(remaining: 40, resetIn: 60));

        (await AcquireAsync(Start.AddSeconds(3))).Status.Should().Be(RateLimitGrantStatus.WaitUntil);
    }

    [RulesFact]
    public async Task StaticRepeatedHeaders_NeverHold_NorBoundWhatIsInFlight()
    {
        // A cache repeating "42 left, reset in a minute" on every answer, never refusing: it does not count these requests.
        for (var second = 0; second < 5; second++)
        {
            var now = Start.AddSeconds(second);
            var sent = await AcquireAsync(now, localInFlight: 1);
            sent.Grant.IsGranted.Should().BeTrue();
            await AnswerAsync(sent, now, new RateLimitInfo { Limit = 100, Remaining = 42, ResetsAt = now.AddSeconds(60) });
        }

        for (var i = 0; i < 64; i++)
        {
            (await AcquireAsync(Start.AddSeconds(5), localInFlight: i + 1)).Status.Should().Be(RateLimitGrantStatus.Granted,
                "a Remaining that never goes down as requests are served bounds nothing; a client capped at 42 would be slower than the server allows");
        }
    }

    [RulesFact]
    public async Task ServerThatCountsDownAgain_BoundsWhatIsInFlightAgain()
    {
        // Two answers with as much left as their requests were let go with, then one that counts down: 10 left of 100.
        await LearnAsync(Window(remaining: 42, resetIn: 60));
        for (var i = 0; i < 2; i++)
        {
            var repeated = await AcquireAsync(Start, localInFlight: 0);
            await AnswerAsync(repeated, Start, Window(remaining: 42, resetIn: 60));
        }

        var counted = await AcquireAsync(Start, localInFlight: 0);
        await AnswerAsync(counted, Start, Window(remaining: 10, resetIn: 60));

        for (var i = 0; i < 10; i++)
        {
            (await AcquireAsync(Start, localInFlight: i + 1)).Status.Should().Be(RateLimitGrantStatus.Granted);
        }

        (await AcquireAsync(Start, localInFlight: 10)).Status.Should().Be(RateLimitGrantStatus.WaitForAnswer, "the server counts again: its Remaining bounds again");
    }

    [RulesFact]
    public async Task GatewayRefusal_WithNoWindow_LetsHalfAsManyOutAfterThePause()
    {
        await RefuseWithEightOutAsync(window: RateLimitInfo.None);

        var afterPause = Start.AddSeconds(1.1);
        for (var i = 0; i < 4; i++)
        {
            (await AcquireAsync(afterPause, localInFlight: i + 1)).Status.Should().Be(RateLimitGrantStatus.Granted);
        }

        (await AcquireAsync(afterPause, localInFlight: 4)).Status.Should().Be(RateLimitGrantStatus.WaitForAnswer,
            "refused with 8 out, the client lets 4 out after the pause instead of one burst refused again");
    }

    [RulesFact]
    public async Task GatewayRefusal_WithNoWindow_GrowsBackByOnePerRoundOfAnswers()
    {
        await RefuseWithEightOutAsync(window: RateLimitInfo.None);
        var afterPause = Start.AddSeconds(1.1);
        var round = new List<Decision>();
        for (var i = 0; i < 4; i++)
        {
            round.Add(await AcquireAsync(afterPause, localInFlight: i + 1));
        }

        foreach (var sent in round)
        {
            await AnswerAsync(sent, afterPause, RateLimitInfo.None);
        }

        for (var i = 0; i < 5; i++)
        {
            (await AcquireAsync(afterPause, localInFlight: i + 1)).Status.Should().Be(RateLimitGrantStatus.Granted);
        }

        (await AcquireAsync(afterPause, localInFlight: 5)).Status.Should().Be(RateLimitGrantStatus.WaitForAnswer, "four served answers let one more out, not all");
    }

    [RulesFact]
    public async Task GatewayRefusal_IsForgottenAfterTheProbeInterval()
    {
        await RefuseWithEightOutAsync(window: RateLimitInfo.None);

        var later = Start + ProbeInterval + TimeSpan.FromSeconds(1);
        for (var i = 0; i < 16; i++)
        {
            (await AcquireAsync(later, localInFlight: i + 1)).Status.Should().Be(RateLimitGrantStatus.Granted, "what a refusal taught is not trusted longer than a hold");
        }
    }

    [RulesFact]
    public async Task RefusalFromAServerWithAWindow_BoundsNoConcurrency()
    {
        await RefuseWithEightOutAsync(window: Window(remaining: 50, resetIn: 10));

        for (var i = 0; i < 8; i++)
        {
            (await AcquireAsync(Start.AddSeconds(1.1), localInFlight: i + 1)).Status.Should().Be(RateLimitGrantStatus.Granted,
                "a server that tells its window is paced by it: its Remaining, not a guess at its concurrency");
        }
    }

    [RulesFact]
    public async Task ResetInThePast_IsIgnored()
    {
        await LearnAsync(new RateLimitInfo { Limit = 100, Remaining = 0, ResetsAt = Start.AddSeconds(-30) });

        (await AcquireAsync(Start, localInFlight: 0)).Status.Should().Be(RateLimitGrantStatus.Granted, "a stale reset holds nothing");
    }

    [RulesFact]
    public async Task SameWindow_TheLowerRemainingWins()
    {
        // Two requests out at once; their answers arrive in the other order.
        var first = await AcquireAsync(Start, localInFlight: 0);
        var second = await AcquireAsync(Start, localInFlight: 1);
        await AnswerAsync(second, Start, Window(remaining: 1, resetIn: 10));
        await AnswerAsync(first, Start, Window(remaining: 50, resetIn: 10));

        (await AcquireAsync(Start, localInFlight: 1)).Status.Should().Be(RateLimitGrantStatus.Granted);
        (await AcquireAsync(Start, localInFlight: 1)).Status.Should().Be(RateLimitGrantStatus.WaitForAnswer, "a late answer with more left must not undo the count");
    }

    [RulesFact]
    public async Task LaterWindow_ReplacesTheOneKnown()
    {
        await LearnAsync(Window(remaining: 0, resetIn: 10));
        await LearnAsync(Window(remaining: 5, resetIn: 20));

        (await AcquireAsync(Start)).Status.Should().Be(RateLimitGrantStatus.Granted);
    }

    [RulesFact]
    public async Task RefillingWindow_HoldsOnlyUntilTheNextRequestIsDue()
    {
        // A token bucket of 10 refilling 10 per second, its reset the time until it is full again. A request let go with 2
        // left comes back with 2 left and the bucket full sooner: it gave one back. Then it is spent, full again in 1 s.
        await LearnAsync(Window(remaining: 2, resetIn: 1, limit: 10));
        var refilled = await AcquireAsync(Start.AddSeconds(0.2), localInFlight: 0);
        await AnswerAsync(refilled, Start.AddSeconds(0.2), Window(remaining: 2, resetIn: 0.95, limit: 10));
        var spent = await AcquireAsync(Start.AddSeconds(0.3), localInFlight: 0);
        await AnswerAsync(spent, Start.AddSeconds(0.3), Window(remaining: 0, resetIn: 1.3, limit: 10));

        var held = await AcquireAsync(Start.AddSeconds(0.31), localInFlight: 0);

        held.Status.Should().Be(RateLimitGrantStatus.WaitUntil);
        held.RetryAt.Should().BeCloseTo(Start.AddSeconds(0.4), TimeSpan.FromMilliseconds(2), "one request comes back every 100 ms, not only when the bucket is full");
    }

    [RulesFact]
    public async Task FixedWindow_IsNeverTakenForARefillingOne()
    {
        // Requests let go one after another in one fixed window each come back with one less.
        await LearnAsync(Window(remaining: 3, resetIn: 1, limit: 3));
        for (var left = 2; left >= 0; left--)
        {
            var sent = await AcquireAsync(Start.AddSeconds(0.1), localInFlight: 0);
            await AnswerAsync(sent, Start.AddSeconds(0.1), Window(remaining: left, resetIn: 1));
        }

        (await AcquireAsync(Start.AddSeconds(0.2), localInFlight: 0)).RetryAt.Should().Be(Start.AddSeconds(1), "a fixed window gives nothing back before its reset");
    }

    [RulesFact]
    public async Task RetryTokens_StartFullAndStayWithinZeroAndTheMaximum()
    {
        var budget = Scope + "#budget";
        (await Store.UpdateRetryTokensAsync(budget, 1, 10)).Should().Be(10);
        (await Store.UpdateRetryTokensAsync(budget, -4, 10)).Should().Be(6);
        (await Store.UpdateRetryTokensAsync(budget, -100, 10)).Should().Be(0);
        (await Store.UpdateRetryTokensAsync(budget, 0.1, 10)).Should().BeApproximately(0.1, 1e-9);
    }

    protected async Task<Decision> AcquireAsync(DateTimeOffset now, int localInFlight = 1)
    {
        var id = Interlocked.Increment(ref _lease);
        var grant = await Store.AcquireAsync(Scope, new RateLimitRequest(now, id, now.AddMinutes(5), localInFlight, MaxWait, ProbeInterval));
        return new Decision(id, now, grant);
    }

    protected Task AnswerAsync(Decision sent, DateTimeOffset now, RateLimitInfo window, TimeSpan? retryAfter = null) =>
        Store.RecordAsync(Scope, new RateLimitAnswer(sent.Id, sent.SentAt, now, true, retryAfter is not null, retryAfter, window, sent.Grant)).AsTask();

    private static RateLimitInfo Window(long remaining, double resetIn, long limit = 100) =>
        new() { Limit = limit, Remaining = remaining, ResetsAt = Start.AddSeconds(resetIn) };

    /// <summary>After a first answer with <paramref name="window"/>, eight requests out at the start, all refused 10 ms later: <c>Retry-After: 1</c>.</summary>
    private async Task RefuseWithEightOutAsync(RateLimitInfo window)
    {
        await LearnAsync(window);
        var sent = new List<Decision>();
        for (var i = 0; i < 8; i++)
        {
            sent.Add(await AcquireAsync(Start, localInFlight: i + 1));
        }

        sent.Should().OnlyContain(d => d.Status == RateLimitGrantStatus.Granted);
        foreach (var refused in sent)
        {
            await AnswerAsync(refused, Start.AddMilliseconds(10), RateLimitInfo.None, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>One request at the start, answered with <paramref name="window"/>.</summary>
    private async Task LearnAsync(RateLimitInfo window)
    {
        var sent = await AcquireAsync(Start, localInFlight: 0);
        await AnswerAsync(sent, Start, window);
    }

    private async Task PauseAsync(DateTimeOffset at, TimeSpan retryAfter)
    {
        var sent = await AcquireAsync(at, localInFlight: 0);
        await AnswerAsync(sent, at, RateLimitInfo.None, retryAfter);
    }

    /// <summary>What the store decided for one request, and the id it was asked under.</summary>
    protected sealed record Decision(long Id, DateTimeOffset SentAt, RateLimitGrant Grant)
    {
        public RateLimitGrantStatus Status => Grant.Status;

        public DateTimeOffset? RetryAt => Grant.RetryAt;

        public RateLimitHoldReason Reason => Grant.Reason;
    }
}
