using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using DataPulse.Client.RateLimiting;
using DataPulse.Client.Telemetry;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary><see cref="PacingStage"/> alone, on an <see cref="InMemoryRateLimitStore"/> and one <see cref="RateLimitScope"/>: a fake callback, a fake clock, no HTTP.</summary>
public sealed class PacingStageTests : IDisposable
{
    private readonly TimerRecordingClock _clock = new();
    private readonly Meter _meter = new("DataPulse.Client.Tests.PacingStage");
    private readonly InMemoryRateLimitStore _store = new();
    private readonly RateLimitScope _scope = new("https://api.datapulse.io/#k=test");
    private readonly FakeCallback _callback = new();

    public void Dispose() => _meter.Dispose();

    [Fact]
    public async Task ExecuteCore_AnswersWithoutRateLimitHeaders_NeverHoldAnyCall()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _callback.Returns(HttpStatusCode.OK).HoldsUntil(release.Task, HttpStatusCode.OK);
        var pipeline = StageCall.Pipeline(_clock, Stage());
        using var first = StageCall.Start(_clock);
        await first.RunAsync(pipeline, _callback);
        var calls = Enumerable.Range(0, 10).Select(_ => StageCall.Start(_clock)).ToArray();

        try
        {
            // Ten at once, far beyond the four of slow start: an answer without headers means no limit.
            var running = calls.Select(call => call.RunAsync(pipeline, _callback).AsTask()).ToArray();

            _callback.Calls.Should().Be(11);
            _clock.Timers.Should().BeEmpty();
            release.SetResult();
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the answers continue on the thread pool
        }
        finally
        {
            Array.ForEach(calls, call => call.Dispose());
        }
    }

    [Fact]
    public async Task ExecuteCore_WindowSpentUntilAResetAhead_HoldsExactlyUntilTheReset()
    {
        _callback.Returns(HttpStatusCode.OK, Window(remaining: 0, resetIn: TimeSpan.FromSeconds(30), limit: 1)).Returns(HttpStatusCode.OK);
        var pipeline = StageCall.Pipeline(_clock, Stage());
        using var first = StageCall.Start(_clock);
        await first.RunAsync(pipeline, _callback);
        using var held = StageCall.Start(_clock);

        var running = held.RunAsync(pipeline, _callback).AsTask();
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        _callback.Calls.Should().Be(1, "the window has not reset yet");
        _clock.Advance(TimeSpan.FromTicks(1));
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the hold ends on the thread pool

        outcome.Result!.StatusCode.Should().Be(HttpStatusCode.OK);
        _callback.Calls.Should().Be(2);
    }

    [Fact]
    public async Task ExecuteCore_HoldLongerThanMaxRetryAfter_FailsAtOnceWithoutSending()
    {
        _callback.Returns(HttpStatusCode.OK, Window(remaining: 0, resetIn: TimeSpan.FromSeconds(120), limit: 1));
        var pipeline = StageCall.Pipeline(_clock, Stage(maxRetryAfter: TimeSpan.FromSeconds(60)));
        using var first = StageCall.Start(_clock);
        await first.RunAsync(pipeline, _callback);
        using var refused = StageCall.Start(_clock);

        var running = refused.RunAsync(pipeline, _callback);

        running.IsCompleted.Should().BeTrue("a hold the call may not wait out fails at once");
        var thrown = (await running).Exception.Should().BeOfType<DataPulseRateLimitException>().Subject;
        thrown.ClientReason.Should().Be(DataPulseClientReason.RateLimitWindowSpent);
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        _callback.Calls.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteCore_HoldPastTheCallsDeadline_FailsAtOnceAsAnOverallTimeout()
    {
        _callback.Returns(HttpStatusCode.OK, Window(remaining: 0, resetIn: TimeSpan.FromSeconds(30), limit: 1));
        var pipeline = StageCall.Pipeline(_clock, Stage());
        using var first = StageCall.Start(_clock);
        await first.RunAsync(pipeline, _callback);
        using var late = StageCall.Start(_clock, timeout: TimeSpan.FromSeconds(10));

        var running = late.RunAsync(pipeline, _callback);

        running.IsCompleted.Should().BeTrue("a hold past the deadline fails at once");
        var thrown = (await running).Exception.Should().BeOfType<DataPulseTimeoutException>().Subject;
        thrown.Kind.Should().Be(DataPulseTimeoutKind.Overall);
        thrown.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        _callback.Calls.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteCore_CallsWaitingForAnswers_GoFirstComeFirstServed()
    {
        // Every answer says one request may be out, so each answer lets exactly one waiter go.
        var window = Window(remaining: 1, resetIn: TimeSpan.FromSeconds(60));
        var answers = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        _callback.Returns(HttpStatusCode.OK, window);
        foreach (var answer in answers)
        {
            _callback.HoldsUntil(answer.Task, HttpStatusCode.OK, window);
        }

        _callback.Returns(HttpStatusCode.OK, window);
        var pipeline = StageCall.Pipeline(_clock, Stage());
        using var first = StageCall.Start(_clock, operation: "first");
        await first.RunAsync(pipeline, _callback);
        var calls = new[] { "A", "B", "C", "D" }.Select(operation => StageCall.Start(_clock, operation: operation)).ToArray();

        try
        {
            var running = calls.Select(call => call.RunAsync(pipeline, _callback).AsTask()).ToArray();
            _callback.Operations.Should().Equal("first", "A");
            for (var i = 0; i < answers.Length; i++)
            {
                answers[i].SetResult();
                await _callback.WaitForCallsAsync(i + 3);
            }

            _callback.Operations.Should().Equal("first", "A", "B", "C", "D");
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the last answer continues on the thread pool
        }
        finally
        {
            Array.ForEach(calls, call => call.Dispose());
        }
    }

    [Fact]
    public async Task ExecuteCore_429WithRetryAfter_PausesTheNextCall()
    {
        _callback.Returns(HttpStatusCode.TooManyRequests, ("Retry-After", "20")).Returns(HttpStatusCode.OK);
        var pipeline = StageCall.Pipeline(_clock, Stage());
        using var limited = StageCall.Start(_clock);
        (await limited.RunAsync(pipeline, _callback)).Result!.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        using var next = StageCall.Start(_clock);

        var running = next.RunAsync(pipeline, _callback).AsTask();
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(20));
        _clock.Advance(TimeSpan.FromSeconds(20) - TimeSpan.FromTicks(1));
        _callback.Calls.Should().Be(1, "the pause has not ended yet");
        _clock.Advance(TimeSpan.FromTicks(1));
        await running.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the pause ends on the thread pool

        _callback.Calls.Should().Be(2);
    }

    [Fact]
    public async Task ExecuteCore_NothingInFlight_NeverWaitsOnTheClientsOwnCount()
    {
        // Remaining 0 with no reset ahead: the client's own count allows nothing more out, but nothing is out to answer.
        _callback.Returns(HttpStatusCode.OK, ("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "0"));
        var pipeline = StageCall.Pipeline(_clock, Stage());

        for (var i = 0; i < 3; i++)
        {
            using var call = StageCall.Start(_clock);
            var running = call.RunAsync(pipeline, _callback);
            running.IsCompleted.Should().BeTrue($"call {i + 1} has nothing of its own out to wait for");
            (await running).Result!.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        _callback.Calls.Should().Be(3);
    }

    private PacingStage Stage(TimeSpan? maxRetryAfter = null) => new(
        _store, _scope, _clock, maxRetryAfter ?? TimeSpan.FromSeconds(60), NullLogger.Instance, new DataPulseMetrics(_meter));

    /// <summary>
    /// The <c>X-RateLimit-*</c> headers of a window with <paramref name="remaining"/> left until <paramref name="resetIn"/> from now
    /// (Unix seconds, as the contract sends). A spent window of one is held until its reset (a larger one is first tested for refill).
    /// </summary>
    private (string, string)[] Window(long remaining, TimeSpan resetIn, long limit = 10) =>
    [
        ("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture)),
        ("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture)),
        ("X-RateLimit-Reset", (_clock.GetUtcNow() + resetIn).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
    ];
}
