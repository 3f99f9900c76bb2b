using System.Diagnostics.Metrics;
using System.Net;
using DataPulse.Client.Http;
using DataPulse.Client.RateLimiting;
using DataPulse.Client.Resilience;
using DataPulse.Client.Telemetry;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace DataPulse.Client.Tests.Resilience;

/// <summary><see cref="RetryStage"/> alone: a fake callback, a fake clock, no HTTP.</summary>
public sealed class RetryStageTests : IDisposable
{
    private static readonly Uri BaseAddress = new("https://api.datapulse.io/");

    private readonly TimerRecordingClock _clock = new();
    private readonly Meter _meter = new("DataPulse.Client.Tests.RetryStage");
    private readonly FakeCallback _callback = new();
    private readonly InMemoryRateLimitStore _store = new();

    public void Dispose() => _meter.Dispose();

    [Fact]
    public async Task ExecuteCore_503ThenOk_RetriesAfterExactlyTheRetryAfter()
    {
        _callback.Returns(HttpStatusCode.ServiceUnavailable, ("Retry-After", "5")).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock);

        var running = RunAsync(call, Stage()).AsTask();
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        _callback.Calls.Should().Be(1, "the Retry-After has not passed yet");
        _clock.Advance(TimeSpan.FromTicks(1));
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the retry continues on the thread pool

        outcome.Result!.StatusCode.Should().Be(HttpStatusCode.OK);
        _callback.Calls.Should().Be(2);
        call.Call.Retries.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteCore_RetryAfterAboveMaxRetryAfter_ReturnsTheAnswerAtOnce()
    {
        _callback.Returns(HttpStatusCode.TooManyRequests, ("Retry-After", "61")).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock);

        var running = RunAsync(call, Stage(maxRetryAfter: TimeSpan.FromSeconds(60)));

        running.IsCompleted.Should().BeTrue("nothing is waited for");
        (await running).Result!.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        _callback.Calls.Should().Be(1);
        _clock.Timers.Should().BeEmpty();
    }

    [Fact]
    public async Task ExecuteCore_WaitEndingAfterTheOverallDeadline_IsNotStarted()
    {
        _callback.Returns(HttpStatusCode.ServiceUnavailable, ("Retry-After", "30")).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, timeout: TimeSpan.FromSeconds(40));
        _clock.Advance(TimeSpan.FromSeconds(15)); // 25 s of the deadline left: less than the 30 s asked for

        var running = RunAsync(call, Stage());

        running.IsCompleted.Should().BeTrue("nothing is waited for");
        (await running).Result!.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _callback.Calls.Should().Be(1);
        _clock.Timers.Should().BeEmpty();
    }

    [Fact]
    public async Task ExecuteCore_AlwaysFailing_MakesExactlyMaxRetriesRetries()
    {
        _callback.Returns(HttpStatusCode.BadGateway);
        using var call = StageCall.Start(_clock, maxRetries: 2);

        var outcome = await RunAsync(call, Stage());

        outcome.Result!.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        _callback.Calls.Should().Be(3);
    }

    [Fact]
    public async Task ExecuteCore_CallsOwnMaxRetriesZero_SendsOnce()
    {
        // The limit is the call's (a DataPulseRequestOptions.MaxRetries), not one the stage was built with.
        _callback.Returns(HttpStatusCode.ServiceUnavailable).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, maxRetries: 0);

        var outcome = await RunAsync(call, Stage());

        outcome.Result!.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _callback.Calls.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteCore_PostWithoutIdempotencyKeyAnswered500_IsNotRetried()
    {
        _callback.Returns(HttpStatusCode.InternalServerError).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, HttpMethod.Post, operation: "Predictions.Predict");

        var outcome = await RunAsync(call, Stage());

        outcome.Result!.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        _callback.Calls.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteCore_PostWithoutIdempotencyKeyConnectionFailure_IsNotRetried()
    {
        var refused = new HttpRequestException("Connection refused");
        _callback.Fails(refused).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, HttpMethod.Post, operation: "Predictions.Predict");

        var outcome = await RunAsync(call, Stage());

        outcome.Exception.Should().BeSameAs(refused);
        _callback.Calls.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteCore_PostWithIdempotencyKeyAnswered500_IsRetried()
    {
        _callback.Returns(HttpStatusCode.InternalServerError).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, HttpMethod.Post, operation: "Predictions.Predict");
        call.Request.Headers.Add(RetryClassifier.IdempotencyKeyHeader, "9f1c2b7e4d6a4e0f8b3c5a7d9e1f2a3b");

        var outcome = await RunAsync(call, Stage());

        outcome.Result!.StatusCode.Should().Be(HttpStatusCode.OK);
        _callback.Calls.Should().Be(2);
    }

    [Fact]
    public async Task ExecuteCore_BudgetRefuses_StopsAndLeavesTheReasonOnTheCall()
    {
        // Two tokens: the first failure leaves one, not more than half, so no retry is allowed.
        _callback.Returns(HttpStatusCode.ServiceUnavailable).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call, Stage(budget: Budget(maxTokens: 2)));

        outcome.Result!.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _callback.Calls.Should().Be(1);
        call.Call.NotRetriedBecause.Should().Be(DataPulseClientReason.RetryBudgetSpent);
    }

    [Fact]
    public async Task ExecuteCore_429WithRetryAfter_NeverTakesFromTheBudget()
    {
        var budget = Budget(maxTokens: 2);
        _callback.Returns(HttpStatusCode.TooManyRequests, ("Retry-After", "0")).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call, Stage(budget: budget));

        outcome.Result!.StatusCode.Should().Be(HttpStatusCode.OK);
        _callback.Calls.Should().Be(2);
        call.Call.NotRetriedBecause.Should().Be(DataPulseClientReason.None);
        (await _store.UpdateRetryTokensAsync(budget.Name, 0, budget.MaxTokens)).Should().Be(2, "the budget is as full as before the 429");
    }

    [Fact]
    public async Task ExecuteCore_Retrying_DisposesTheDiscardedAnswerOnly()
    {
        _callback.Returns(HttpStatusCode.ServiceUnavailable).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock);

        await RunAsync(call, Stage());

        _callback.Responses.Select(FakeCallback.IsDisposed).Should().Equal(true, false);
    }

    [Fact]
    public async Task ExecuteCore_CallerCancelsDuringTheWait_EndsWithACancellation()
    {
        using var caller = new CancellationTokenSource();
        _callback.Returns(HttpStatusCode.ServiceUnavailable, ("Retry-After", "30")).Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, callerToken: caller.Token);

        var running = RunAsync(call, Stage()).AsTask();
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        await caller.CancelAsync();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the wait ends on the thread pool

        outcome.Exception.Should().BeAssignableTo<OperationCanceledException>();
        _callback.Calls.Should().Be(1);
    }

    private RetryStage Stage(TimeSpan? maxRetryAfter = null, RetryBudget? budget = null) => new(
        // No base backoff: a retry without Retry-After goes at once, so only Retry-After waits arm timers.
        new RetryRules(_clock, maxRetryAfter ?? TimeSpan.FromSeconds(60), TimeSpan.Zero),
        budget,
        new CallTelemetry(NullLogger.Instance, new DataPulseMetrics(_meter), ApiKeyProvider.Fixed(ApiServer.ApiKey), logBodies: false));

    private RetryBudget Budget(int maxTokens) =>
        RetryBudget.For(_store, "https://api.datapulse.io/#k=test", new RetryBudgetOptions { MaxTokens = maxTokens }, BaseAddress);

    private ValueTask<Outcome<HttpResponseMessage>> RunAsync(StageCall call, RetryStage stage) =>
        call.RunAsync(StageCall.Pipeline(_clock, stage), _callback);
}
