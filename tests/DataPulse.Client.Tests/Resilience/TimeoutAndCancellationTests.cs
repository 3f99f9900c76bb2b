using System.Reflection;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>The attempt timeout, the overall deadline, a caller's own HttpClient timeout, and the caller's token.</summary>
public sealed class TimeoutAndCancellationTests
{
    private readonly TimerRecordingClock _clock = new();

    [Fact]
    public async Task AttemptTimeout_OnEveryAttempt_ThrowsTimeoutOfKindAttemptAfterRetries()
    {
        await using var server = Silent();
        using var client = new DataPulseClient(Options(server.BaseAddress, attempt: 5, overall: 100, maxRetries: 2));

        var call = client.Customers.GetAsync("cust_1");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await WaitUntilAsync(() => server.Requests >= attempt);
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        var thrown = (await call.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(c => c).Should().ThrowAsync<DataPulseTimeoutException>()).Which;
        thrown.Kind.Should().Be(DataPulseTimeoutKind.Attempt);
        thrown.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        server.Requests.Should().Be(3);
    }

    [Fact]
    public async Task OverallTimeout_AcrossAttempts_ThrowsTimeoutOfKindOverall()
    {
        await using var server = Silent();
        using var client = new DataPulseClient(Options(server.BaseAddress, attempt: 5, overall: 12, maxRetries: 10));

        var call = client.Customers.GetAsync("cust_1");
        await WaitUntilAsync(() => server.Requests >= 1);
        _clock.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => server.Requests >= 2);
        _clock.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => server.Requests >= 3);
        _clock.Advance(TimeSpan.FromSeconds(2));

        var thrown = (await call.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(c => c).Should().ThrowAsync<DataPulseTimeoutException>()).Which;
        thrown.Kind.Should().Be(DataPulseTimeoutKind.Overall);
        thrown.Timeout.Should().Be(TimeSpan.FromSeconds(12));
        server.Requests.Should().Be(3);
    }

    [Fact]
    public async Task Backoff_ThatWouldEndAfterTheOverallTimeout_IsNotStarted_TheLastAnswerIsThrownAtOnce()
    {
        using var api = new ApiServer();
        CannedResponses.CustomerAlways(api, CannedResponses.Error(503));
        using var client = api.CreateClient(o =>
        {
            o.TimeProvider = _clock;
            o.Timeout = TimeSpan.FromSeconds(3);
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.RetryBaseDelay = TimeSpan.FromSeconds(10);
        });

        // No clock advance: a wait of 5 to 10 s cannot end within the 3 s left, so none starts.
        (await client.Customers.Invoking(c => c.GetAsync("cust_1")).Should().ThrowAsync<DataPulseServerException>().WaitAsync(TimeSpan.FromSeconds(10)))
            .Which.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        api.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task CallerCancellation_DuringRetryAfterWait_ThrowsOperationCanceledPromptly()
    {
        using var api = new ApiServer();
        CannedResponses.CustomerAlways(api, CannedResponses.Error(429, "30"));
        using var client = api.CreateClient(o =>
        {
            o.TimeProvider = _clock;
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        });
        using var cts = new CancellationTokenSource();

        var call = client.Customers.GetAsync("cust_1", cts.Token);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        var thrown = (await call.WaitAsync(TimeSpan.FromSeconds(1)).Invoking(c => c).Should().ThrowAsync<OperationCanceledException>()).Which;
        thrown.Should().NotBeAssignableTo<DataPulseException>();
        thrown.CancellationToken.Should().Be(cts.Token);
        api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public void DirectClient_HttpClientTimeout_IsInfinite_SoItNeverCutsARetryWaitShort()
    {
        using var client = new DataPulseClient(Options(new Uri("https://api.datapulse.io/"), attempt: 30, overall: 100, maxRetries: 3));

        var http = (HttpClient)typeof(DataPulseClient).GetField("_httpClient", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(client)!;

        http.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public async Task AttemptTimeout_DoesNotCoverADownloadBody_ASlowBodyIsNotCut()
    {
        const string body = "region,revenue\nEMEA,1\n";
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: {body.Length}\r\n\r\n";
        await ExportOnceAsync(new ScriptedServer(ScriptedServer.Respond(head, body)), TimeSpan.FromSeconds(5)); // warms up the process, so the real limits below are not spent on startup

        var copied = await ExportOnceAsync(new ScriptedServer(ScriptedServer.Respond(head, body, bodyDelay: TimeSpan.FromMilliseconds(1500))), TimeSpan.FromMilliseconds(600));

        copied.Should().Be(body.Length);
    }

    private static async Task<long> ExportOnceAsync(ScriptedServer server, TimeSpan attemptTimeout)
    {
        await using (server)
        {
            using var client = new DataPulseClient(new DataPulseClientOptions
            {
                ApiKey = ApiServer.ApiKey,
                BaseAddress = server.BaseAddress,
                AttemptTimeout = attemptTimeout,
                Timeout = attemptTimeout,
                MaxRetries = 0,
            });
            using var file = await client.Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_1", Format = ReportFormat.Csv });
            using var destination = new MemoryStream();
            return await file.CopyToAsync(destination);
        }
    }

    /// <summary>Accepts connections and reads requests but never answers.</summary>
    private static ScriptedServer Silent() => new(ScriptedServer.Silent());

    private DataPulseClientOptions Options(Uri baseAddress, int attempt, int overall, int maxRetries) => new()
    {
        ApiKey = ApiServer.ApiKey,
        BaseAddress = baseAddress,
        TimeProvider = _clock,
        AttemptTimeout = TimeSpan.FromSeconds(attempt),
        Timeout = TimeSpan.FromSeconds(overall),
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.Zero,
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(5);
        while (!condition())
        {
            TimeProvider.System.GetUtcNow().Should().BeBefore(deadline, "the condition should hold within 5 s of real time");
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
        }
    }

    [Fact]
    public async Task CallerHttpClientTimeout_OnGet_IsRetriedThenThrowsTransportTimeout()
    {
        await using var server = new ScriptedServer(ScriptedServer.Silent());
        var attempts = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(attempts) { Timeout = TimeSpan.FromMilliseconds(200) };
        using var client = new DataPulseClient(http, TestOptions.For(server.BaseAddress, o => o.MaxRetries = 2));

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseTimeoutException>()).Which;

        thrown.Kind.Should().Be(DataPulseTimeoutKind.Transport);
        attempts.Count.Should().Be(3, "a GET is safe to repeat, so each transport timeout is retried");
    }

    [Fact]
    public async Task CallerCancellation_IsNotMistakenForATransportTimeout_AndNotRetried()
    {
        await using var server = new ScriptedServer(ScriptedServer.Silent());
        using var client = new DataPulseClient(TestOptions.For(server.BaseAddress, o => o.MaxRetries = 2));
        using var cancellation = new CancellationTokenSource();

        var call = client.Customers.GetAsync("cust_1", cancellation.Token);
        // Cancel only once the request is on the server, so the count below cannot race the first attempt.
        while (server.Requests == 0 && !call.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        await cancellation.CancelAsync();

        await call.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        server.Requests.Should().Be(1);
    }

    /// <summary>Counts attempts where they leave the client, so a slow server cannot make the count race.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
