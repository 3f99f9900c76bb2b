using System.Net;
using DataPulse.Client.Errors;
using DataPulse.Client.Pipeline;
using DataPulse.Client.Tests.Infrastructure;
using Polly;
using Polly.Timeout;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary><see cref="AttemptDeadlineStage"/> alone: a fake callback, a fake clock, no HTTP.</summary>
public sealed class AttemptDeadlineStageTests
{
    private static readonly TimeSpan Forever = TimeSpan.FromHours(1);

    private readonly TimerRecordingClock _clock = new();
    private readonly FakeCallback _callback = new();

    [Fact]
    public async Task ExecuteCore_AttemptTimeoutNearer_FiresAsTheAttemptDeadline()
    {
        _callback.Waits(Forever, _clock);
        using var call = StageCall.Start(_clock, timeout: TimeSpan.FromSeconds(100), attemptTimeout: TimeSpan.FromSeconds(5));

        var running = call.RunAsync(StageCall.Pipeline(_clock, new AttemptDeadlineStage(_clock)), _callback).AsTask();
        await _clock.WaitForTimerAsync(Forever);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        running.IsCompleted.Should().BeFalse("the attempt's 5 s have not passed");
        _clock.Advance(TimeSpan.FromTicks(1));
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the cut attempt ends on the thread pool

        var deadline = outcome.Exception.Should().BeOfType<DeadlineExceededException>().Subject;
        deadline.Overall.Should().BeFalse();
        deadline.Timeout.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ExecuteCore_RemainingOverallTimeNearer_FiresAsTheOverallDeadline()
    {
        _callback.Waits(Forever, _clock);
        using var call = StageCall.Start(_clock, timeout: TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(4)); // 6 s of the call left, nearer than the attempt's 30 s

        var running = call.RunAsync(StageCall.Pipeline(_clock, new AttemptDeadlineStage(_clock)), _callback).AsTask();
        await _clock.WaitForTimerAsync(Forever);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(6));
        _clock.Advance(TimeSpan.FromSeconds(6) - TimeSpan.FromTicks(1));
        running.IsCompleted.Should().BeFalse("the call's overall deadline has not passed");
        _clock.Advance(TimeSpan.FromTicks(1));
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the cut attempt ends on the thread pool

        var deadline = outcome.Exception.Should().BeOfType<DeadlineExceededException>().Subject;
        deadline.Overall.Should().BeTrue();
        deadline.Timeout.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ExecuteCore_NoOverallTimeLeft_FailsWithoutCallingTheCallback()
    {
        _callback.Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, timeout: TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(10));

        var outcome = await call.RunAsync(StageCall.Pipeline(_clock, new AttemptDeadlineStage(_clock)), _callback);

        outcome.Exception.Should().BeOfType<DeadlineExceededException>().Which.Overall.Should().BeTrue();
        _callback.Calls.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteCore_StrategyAddedInsideIt_IsCutByTheAttemptDeadline()
    {
        // Where the caller's ConfigureResilience strategies go: after the stage, so inside its deadline.
        var inside = new WaitingStrategy(_clock);
        _callback.Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, attemptTimeout: TimeSpan.FromSeconds(5));

        var running = call.RunAsync(StageCall.Pipeline(_clock, new AttemptDeadlineStage(_clock), inside), _callback).AsTask();
        await _clock.WaitForTimerAsync(Forever);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the cut strategy ends on the thread pool

        inside.WasCut.Should().BeTrue();
        outcome.Exception.Should().BeOfType<DeadlineExceededException>().Which.Overall.Should().BeFalse();
        _callback.Calls.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteCore_CallerCancels_EndsAsACancellationNotADeadline()
    {
        using var caller = new CancellationTokenSource();
        _callback.Waits(Forever, _clock);
        using var call = StageCall.Start(_clock, callerToken: caller.Token, attemptTimeout: TimeSpan.FromSeconds(5));

        var running = call.RunAsync(StageCall.Pipeline(_clock, new AttemptDeadlineStage(_clock)), _callback).AsTask();
        await _clock.WaitForTimerAsync(Forever);
        await caller.CancelAsync();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the canceled attempt ends on the thread pool

        outcome.Exception.Should().BeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task ExecuteCore_StrategyOutsideItCancels_TheCancellationReachesTheAttempt()
    {
        // A pipeline of the caller's own (DataPulseClientOptions.ResiliencePipeline) sits outside the stage; Polly's timeout
        // there works only if the attempt inside sees the token it hands down.
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock }
            .AddTimeout(TimeSpan.FromSeconds(2))
            .AddStrategy(_ => new AttemptDeadlineStage(_clock))
            .Build();
        _callback.Waits(Forever, _clock);
        using var call = StageCall.Start(_clock);

        var running = call.RunAsync(pipeline, _callback).AsTask();
        await _clock.WaitForTimerAsync(Forever);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System); // the canceled attempt ends on the thread pool

        outcome.Exception.Should().BeOfType<TimeoutRejectedException>().Which.Timeout.Should().Be(TimeSpan.FromSeconds(2));
    }

    /// <summary>A strategy of the caller's that waits on the attempt's token before passing the attempt on.</summary>
    private sealed class WaitingStrategy(TimeProvider clock) : ResilienceStrategy<HttpResponseMessage>
    {
        public bool WasCut { get; private set; }

        protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
        {
            try
            {
                await Task.Delay(Forever, clock, context.CancellationToken);
            }
            catch (OperationCanceledException canceled)
            {
                WasCut = true;
                return Outcome.FromException<HttpResponseMessage>(canceled);
            }

            return await callback(context, state);
        }
    }
}
