using DataPulse.Client.Calls;
using Polly;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// One call as the pipeline's stages see it, to test a stage alone (Polly's strategy tests: a fake callback, a fake clock,
/// no HTTP): a <see cref="CallContext"/> started now on the test's clock and carried in a pooled
/// <see cref="ResilienceContext"/> on the caller's token, exactly as <c>Pipeline/CallHandler</c> starts one. Disposing it returns
/// the context to the pool.
/// </summary>
internal sealed class StageCall : IDisposable
{
    public const string DefaultUrl = "https://api.datapulse.io/v1/customers/cust_1";

    private StageCall(CallContext call, ResilienceContext context)
    {
        Call = call;
        Context = context;
    }

    public CallContext Call { get; }

    public ResilienceContext Context { get; }

    public HttpRequestMessage Request => Call.Request;

    /// <summary>
    /// Starts a call now on <paramref name="clock"/>: its overall deadline (<paramref name="timeout"/>, 100 s unless given)
    /// counts from here; each attempt has <paramref name="attemptTimeout"/> (30 s unless given) and it may retry
    /// <paramref name="maxRetries"/> times (3 unless given), the client options' defaults.
    /// </summary>
    public static StageCall Start(
        TimeProvider clock,
        HttpMethod? method = null,
        string url = DefaultUrl,
        TimeSpan? timeout = null,
        bool streams = false,
        string operation = "Customers.Get",
        TimeSpan? attemptTimeout = null,
        int maxRetries = 3,
        KeyValuePair<string, string>[]? headers = null,
        CancellationToken callerToken = default)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        var limits = new CallLimits(timeout ?? TimeSpan.FromSeconds(100), attemptTimeout ?? TimeSpan.FromSeconds(30), maxRetries);
        var call = new CallContext(request, operation, streams, clock.GetTimestamp(), limits, headers, callerToken);
        // As CallHandler does: Polly would end a call whose token already fired before any stage saw it.
        var context = ResilienceContextPool.Shared.Get(callerToken.IsCancellationRequested ? CancellationToken.None : callerToken);
        context.Properties.Set(CallContext.Key, call);
        return new StageCall(call, context);
    }

    /// <summary>A pipeline of exactly <paramref name="stages"/>, outermost first, on <paramref name="clock"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Pipeline(TimeProvider clock, params ResilienceStrategy<HttpResponseMessage>[] stages)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        foreach (var stage in stages)
        {
            builder.AddStrategy(_ => stage);
        }

        return builder.Build();
    }

    /// <summary>Runs this call through <paramref name="pipeline"/>, with <paramref name="callback"/> in place of everything below it.</summary>
    public ValueTask<Outcome<HttpResponseMessage>> RunAsync(ResiliencePipeline<HttpResponseMessage> pipeline, FakeCallback callback) =>
        pipeline.ExecuteOutcomeAsync(FakeCallback.Invoke, Context, callback);

    public void Dispose()
    {
        ResilienceContextPool.Shared.Return(Context);
        Request.Dispose();
    }
}
