using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using DataPulse.Client.Http;
using DataPulse.Client.Telemetry;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Tests.Telemetry;

/// <summary>
/// <see cref="TelemetryStage"/> alone: a fake callback, a fake clock, no HTTP. Not run in parallel: whether anything
/// listens to the <c>DataPulse.Client</c> activity source is process-wide, and one test needs nothing to listen.
/// </summary>
[Collection(NonParallelTests.Name)]
public sealed class TelemetryStageTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Meter _meter = new("DataPulse.Client.Tests.TelemetryStage");
    private readonly LogCapture _logs = new();
    private readonly FakeCallback _callback = new();

    public void Dispose()
    {
        _logs.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public async Task ExecuteCore_NothingObserved_CallsTheCallbackWithoutAnySpanOrClockRead()
    {
        DataPulseTelemetry.ActivitySource.HasListeners().Should().BeFalse("precondition: nothing else listens while this test runs");
        var stageClock = new ReadCountingClock();
        var stage = new TelemetryStage(Telemetry(NullLogger.Instance), stageClock);
        _callback.Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock);

        var outcome = await call.RunAsync(StageCall.Pipeline(_clock, stage), _callback);

        outcome.Result.Should().BeSameAs(_callback.Responses.Single());
        call.Call.Activity.Should().BeNull();
        stageClock.Reads.Should().Be(0, "with nothing listening the stage does no telemetry work at all");
    }

    [Fact]
    public async Task ExecuteCore_ObservedSuccess_OneSpanWithItsStatusCodeAndAttempts()
    {
        using var spans = new ActivityCapture(7101);
        _callback.Runs(context =>
        {
            // Two retries made inside, as the retry stage counts them.
            var call = DataPulse.Client.Calls.CallContext.Of(context);
            call.CountRetry();
            call.CountRetry();
            return new(Polly.Outcome.FromResult(FakeCallback.Response(HttpStatusCode.OK)));
        });
        using var call = StageCall.Start(_clock, url: "https://api.datapulse.io:7101/v1/customers/cust_1");

        await call.RunAsync(StageCall.Pipeline(_clock, Stage()), _callback);

        var span = spans.Stopped.Should().ContainSingle().Subject;
        span.DisplayName.Should().Be("Customers.Get");
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.GetTagItem("datapulse.attempts").Should().Be(3);
    }

    [Fact]
    public async Task ExecuteCore_ObservedFailure_OneSpanMarkedAsAnError()
    {
        using var spans = new ActivityCapture(7102);
        _callback.Fails(new DataPulseConnectionException("Customers.Get could not reach DataPulse.", "Customers.Get"));
        using var call = StageCall.Start(_clock, url: "https://api.datapulse.io:7102/v1/customers/cust_1");

        await call.RunAsync(StageCall.Pipeline(_clock, Stage()), _callback);

        var span = spans.Stopped.Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be(typeof(DataPulseConnectionException).FullName);
        span.GetTagItem("datapulse.attempts").Should().Be(1);
    }

    [Fact]
    public async Task ExecuteCore_Failure_LogsOneWarningWithTheException()
    {
        var failure = new DataPulseConnectionException("Customers.Get could not reach DataPulse.", "Customers.Get");
        _callback.Fails(failure);
        using var call = StageCall.Start(_clock);

        var outcome = await call.RunAsync(StageCall.Pipeline(_clock, Stage()), _callback);

        outcome.Exception.Should().BeSameAs(failure);
        var record = _logs.Records.Should().ContainSingle().Subject;
        record.Id.Name.Should().Be("OperationFailed");
        record.Level.Should().Be(LogLevel.Warning);
        record.Exception.Should().BeSameAs(failure);
    }

    [Fact]
    public async Task ExecuteCore_CallerCancellation_LoggedAtDebugNotAsAFailure()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        _callback.Fails(new OperationCanceledException("Customers.Get was canceled by the caller.", canceled.Token));
        using var call = StageCall.Start(_clock, callerToken: canceled.Token);

        var outcome = await call.RunAsync(StageCall.Pipeline(_clock, Stage()), _callback);

        outcome.Exception.Should().BeOfType<OperationCanceledException>();
        var record = _logs.Records.Should().ContainSingle().Subject;
        record.Id.Name.Should().Be("OperationCanceled");
        record.Level.Should().Be(LogLevel.Debug);
    }

    private TelemetryStage Stage() => new(Telemetry(_logs.Factory.CreateLogger("DataPulse.Client")), _clock);

    private CallTelemetry Telemetry(ILogger logger) =>
        new(logger, new DataPulseMetrics(_meter), ApiKeyProvider.Fixed(ApiServer.ApiKey), logBodies: false);

    /// <summary>A fake clock that counts how often the time is read.</summary>
    private sealed class ReadCountingClock : FakeTimeProvider
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override long GetTimestamp()
        {
            Interlocked.Increment(ref _reads);
            return base.GetTimestamp();
        }

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Increment(ref _reads);
            return base.GetUtcNow();
        }
    }
}
