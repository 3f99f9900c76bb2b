using System.Net;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.Tests.DependencyInjection;

/// <summary>
/// A generic host with the service defaults of new .NET apps (Aspire's <c>ConfigureHttpClientDefaults</c> with the REAL
/// standard resilience handler, and a plain handler where <c>AddServiceDiscovery</c> would sit), registered before and
/// after <c>AddDataPulse</c>: the SDK's rules apply, exactly once. The container's clock is fake, and the standard handler
/// honours it, so its 10 s attempt timeout and 2 s backoff would fire here if it were left on DataPulse's client.
/// </summary>
public sealed class ServiceDefaultsTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    private readonly TimerRecordingClock _clock = new();
    private readonly CountingHandler.Counter _handlerRuns = new();

    private IHost BuildHost(Uri server, bool defaultsFirst, int maxRetries = 3, Action<IHttpClientBuilder>? moreDefaults = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddSingleton(_handlerRuns);
        if (defaultsFirst)
        {
            AddServiceDefaults(builder.Services, moreDefaults);
        }

        builder.Services.AddDataPulse(options =>
        {
            options.ApiKey = ApiServer.ApiKey;
            options.BaseAddress = server;
            options.MaxRetries = maxRetries;
        });
        if (!defaultsFirst)
        {
            AddServiceDefaults(builder.Services, moreDefaults);
        }

        return builder.Build();
    }

    // What Aspire's ServiceDefaults template writes: resilience first, then service discovery (a plain DelegatingHandler
    // inside it; the real AddServiceDiscovery needs its resolver, which adds nothing to what is tested here).
    private static void AddServiceDefaults(IServiceCollection services, Action<IHttpClientBuilder>? moreDefaults) =>
        services.ConfigureHttpClientDefaults(http =>
        {
            moreDefaults?.Invoke(http);
            http.AddStandardResilienceHandler();
            http.AddHttpMessageHandler(sp => new CountingHandler(sp.GetRequiredService<CountingHandler.Counter>()));
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnswerSlowerThanTheStandardAttemptTimeout_IsSentOnceAndArrives(bool defaultsFirst)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedServer(async (stream, _, ct) =>
        {
            await release.Task.WaitAsync(ct);
            await SendJsonAsync(stream, 200, CannedResponses.KpisJson, ct);
        });
        using var host = BuildHost(server.BaseAddress, defaultsFirst);
        await host.StartAsync();

        var call = host.Services.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();
        await WaitUntilAsync(() => !server.Received.IsEmpty);
        // 25 s of container time: past the standard handler's 10 s attempt timeout and 2 s backoff, within the SDK's 30 s.
        await AdvanceAsync(TimeSpan.FromSeconds(25));
        release.SetResult();
        var kpis = await Settled(call)();

        kpis.ActiveUsers.Should().Be(18420);
        server.Received.Should().ContainSingle();
        await host.StopAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ServiceUnavailableWithRetryAfter_IsRetriedByTheSdksRulesOnly(bool defaultsFirst)
    {
        await using var server = AlwaysUnavailable();
        using var host = BuildHost(server.BaseAddress, defaultsFirst, maxRetries: 1);
        await host.StartAsync();

        var call = host.Services.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();
        await _clock.DriveAsync(call, Step, TimeSpan.FromSeconds(20));

        await Settled(call).Should().ThrowAsync<DataPulseServerException>();
        // One attempt and one retry, the SDK's MaxRetries; the standard handler would have made four of each.
        server.Received.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CancellationFromAnOuterHandler_SurfacesAsATransportTimeout(bool defaultsFirst)
    {
        await using var server = new ScriptedServer((_, _, ct) => Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct));
        using var host = BuildHost(
            server.BaseAddress,
            defaultsFirst,
            maxRetries: 0,
            moreDefaults: http => http.AddHttpMessageHandler(sp => new GivingUpHandler(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(15))));
        await host.StartAsync();

        var call = host.Services.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();
        await _clock.DriveAsync(call, Step, TimeSpan.FromSeconds(25));

        (await Settled(call).Should().ThrowAsync<DataPulseTimeoutException>())
            .Which.Kind.Should().Be(DataPulseTimeoutKind.Transport);
        // The handler gave up at 15 s; the standard handler's attempt timeout (10 s) would have fired first and retried.
        server.Received.Should().ContainSingle();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PlainHandlerFromTheDefaults_RunsOncePerAttempt(bool defaultsFirst)
    {
        await using var server = AlwaysUnavailable();
        using var host = BuildHost(server.BaseAddress, defaultsFirst, maxRetries: 2);
        await host.StartAsync();

        var call = host.Services.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();
        await _clock.DriveAsync(call, Step, TimeSpan.FromSeconds(20));

        await Settled(call).Should().ThrowAsync<DataPulseServerException>();
        _handlerRuns.Value.Should().Be(3);
    }

    /// <summary>A server that answers every request 503 with <c>Retry-After: 1</c>, which both retry layers would honour.</summary>
    private static ScriptedServer AlwaysUnavailable() => new((stream, _, ct) =>
        SendJsonAsync(stream, 503, CannedResponses.ErrorJson("api_error", "unavailable", "Try again."), ct, ("Retry-After", "1")));

    private static async Task SendJsonAsync(Stream stream, int status, string json, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(json);
        var extra = string.Concat(headers.Select(h => $"\r\n{h.Name}: {h.Value}"));
        await ScriptedServer.SendAsync(
            stream,
            $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close{extra}",
            json,
            cancellationToken);
    }

    // Bounded in real time: a call left waiting on the fake clock (a retry layer that should not be there) fails the test.
    private static Func<Task<T>> Settled<T>(Task<T> call) => () => call.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

    /// <summary>Moves the container's clock in steps, yielding to real work (a retry's request) in between.</summary>
    private async Task AdvanceAsync(TimeSpan total)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += Step)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            _clock.Advance(Step);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (!condition())
        {
            TimeProvider.System.GetUtcNow().Should().BeBefore(deadline, "the request should have reached the server");
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }
    }

    /// <summary>Counts the requests it passes on: where Aspire's service discovery handler sits.</summary>
    private sealed class CountingHandler(CountingHandler.Counter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Increment();
            return base.SendAsync(request, cancellationToken);
        }

        public sealed class Counter
        {
            private int _value;

            public int Value => Volatile.Read(ref _value);

            public void Increment() => Interlocked.Increment(ref _value);
        }
    }

    /// <summary>An app's own outer handler that cancels a request it has waited on for too long (on the container's clock).</summary>
    private sealed class GivingUpHandler(TimeProvider clock, TimeSpan patience) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var giveUp = new CancellationTokenSource(patience, clock);
            using var link = cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), giveUp);
            return await base.SendAsync(request, giveUp.Token);
        }
    }
}
