using DataPulse.Client.Tests.Infrastructure;
using Polly;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>The documented ways to extend (<c>ConfigureResilience</c>) or replace (<c>ResiliencePipeline</c>) the pipeline.</summary>
public sealed class PipelineCustomizationTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public PipelineCustomizationTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task ConfigureResilience_AddedStrategy_RunsOncePerAttempt()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(503), failures: 2);
        var runs = 0;
        using var client = _api.CreateClient(o => o.ConfigureResilience = builder => builder.AddStrategy(
            _ => new CountingStrategy(() => Interlocked.Increment(ref runs)), new CountingStrategyOptions()));

        await client.Customers.GetAsync("cust_1");

        runs.Should().Be(3);
    }

    [Fact]
    public async Task ResiliencePipeline_Replacement_IsUsedInsteadOfTheSdkPipeline()
    {
        CannedResponses.CustomerAlways(_api, CannedResponses.Error(503));
        var runs = 0;
        var replacement = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddStrategy(_ => new CountingStrategy(() => Interlocked.Increment(ref runs)), new CountingStrategyOptions())
            .Build();
        using var client = _api.CreateClient(o =>
        {
            o.ResiliencePipeline = replacement;
            o.MaxRetries = 3;
        });

        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseServerException>();

        runs.Should().Be(1);
        _api.Requests.Should().HaveCount(1, "the replacement has no retry, so the SDK's MaxRetries no longer applies");
    }

    [Fact]
    public async Task ResiliencePipeline_ReplacementWithItsOwnRetry_Retries()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(500), failures: 1);
        var replacement = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new() { MaxRetryAttempts = 1, Delay = TimeSpan.Zero, ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result is { StatusCode: System.Net.HttpStatusCode.InternalServerError }) })
            .Build();
        using var client = _api.CreateClient(o => o.ResiliencePipeline = replacement);

        await client.Customers.GetAsync("cust_1");

        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task ResiliencePipeline_ReplacementWithATimeout_CutsTheAttempt()
    {
        var clock = new TimerRecordingClock();
        using var http = new HttpClient(new SilentHandler(clock));
        var replacement = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }.AddTimeout(TimeSpan.FromSeconds(2)).Build();
        using var client = new DataPulseClient(http, new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, TimeProvider = clock, ResiliencePipeline = replacement });

        var call = client.Customers.GetAsync("cust_1");
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));

        // Bounded in real time: the cut attempt ends on the thread pool; without the cut it would wait for AttemptTimeout.
        var thrown = await call.Awaiting(c => c.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System)).Should().ThrowAsync<DataPulseTimeoutException>();
        thrown.Which.Kind.Should().Be(DataPulseTimeoutKind.Attempt);
        thrown.Which.Timeout.Should().Be(TimeSpan.FromSeconds(2));
    }

    private sealed class CountingStrategyOptions : ResilienceStrategyOptions;

    /// <summary>A transport whose server never answers: only the attempt's token ends a request.</summary>
    private sealed class SilentHandler(TimeProvider clock) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, cancellationToken);
            throw new InvalidOperationException("Unreachable: the delay never ends on its own.");
        }
    }

    private sealed class CountingStrategy(Action onRun) : ResilienceStrategy
    {
        protected override ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
        {
            onRun();
            return callback(context, state);
        }
    }
}
