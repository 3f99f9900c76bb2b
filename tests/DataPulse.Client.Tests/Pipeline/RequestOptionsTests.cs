using System.Net;
using DataPulse.Client.Analytics;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary>
/// A call's own <see cref="DataPulseRequestOptions"/> on the real call path, over real HTTP: its deadlines, retry limit,
/// idempotency key and headers win over the client's, for that call only.
/// </summary>
public sealed class RequestOptionsTests
{
    private readonly TimerRecordingClock _clock = new();

    [Fact]
    public async Task Timeout_PerCall_CutsASlowCallSoonerThanTheClientsWould()
    {
        await using var server = new ScriptedServer(ScriptedServer.Silent());
        using var client = new DataPulseClient(TestOptions.For(server.BaseAddress, o =>
        {
            o.TimeProvider = _clock;
            o.Timeout = TimeSpan.FromSeconds(100);
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
        }));

        var call = client.Customers.GetAsync("cust_1", new DataPulseRequestOptions { Timeout = TimeSpan.FromSeconds(3) });
        await WaitUntilAsync(() => server.Requests >= 1);
        _clock.Advance(TimeSpan.FromSeconds(3));

        var thrown = (await call.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(c => c).Should().ThrowAsync<DataPulseTimeoutException>()).Which;
        thrown.Kind.Should().Be(DataPulseTimeoutKind.Overall);
        thrown.Timeout.Should().Be(TimeSpan.FromSeconds(3), "the call's own deadline, not the client's 100 s");
        server.Requests.Should().Be(1);
    }

    [Fact]
    public async Task Timeout_PerCall_MessageNamesTheCallsOwnSettingInSeconds()
    {
        await using var server = new ScriptedServer(ScriptedServer.Silent());
        using var client = new DataPulseClient(TestOptions.For(server.BaseAddress, o => o.TimeProvider = _clock));

        var call = client.Customers.GetAsync("cust_1", new DataPulseRequestOptions { Timeout = TimeSpan.FromSeconds(3) });
        await WaitUntilAsync(() => server.Requests >= 1);
        _clock.Advance(TimeSpan.FromSeconds(3));

        var thrown = (await call.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(c => c).Should().ThrowAsync<DataPulseTimeoutException>()).Which;
        thrown.Message.Should().Contain("overall timeout of 3 s (DataPulseRequestOptions.Timeout)", "the caller set it on the call, not on the client");
    }

    [Fact]
    public async Task AttemptTimeout_PerCall_MessageNamesTheCallsOwnSetting()
    {
        await using var server = new ScriptedServer(ScriptedServer.Silent());
        using var client = new DataPulseClient(TestOptions.For(server.BaseAddress, o => o.TimeProvider = _clock));

        var call = client.Customers.GetAsync("cust_1", new DataPulseRequestOptions { AttemptTimeout = TimeSpan.FromSeconds(2), MaxRetries = 0 });
        await WaitUntilAsync(() => server.Requests >= 1);
        _clock.Advance(TimeSpan.FromSeconds(2));

        var thrown = (await call.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(c => c).Should().ThrowAsync<DataPulseTimeoutException>()).Which;
        thrown.Message.Should().Contain("longer than 2 s (DataPulseRequestOptions.AttemptTimeout)");
    }

    [Fact]
    public async Task Timeout_PerCall_AppliesToThatCallOnly()
    {
        await using var server = new ScriptedServer(ScriptedServer.Silent());
        using var client = new DataPulseClient(TestOptions.For(server.BaseAddress, o =>
        {
            o.TimeProvider = _clock;
            o.Timeout = TimeSpan.FromSeconds(100);
            o.AttemptTimeout = TimeSpan.FromSeconds(100);
            o.MaxRetries = 0;
        }));

        var shortCall = client.Customers.GetAsync("cust_1", new DataPulseRequestOptions { Timeout = TimeSpan.FromSeconds(3) });
        var plainCall = client.Customers.GetAsync("cust_1");
        await WaitUntilAsync(() => server.Requests >= 2);
        _clock.Advance(TimeSpan.FromSeconds(3));

        await shortCall.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(c => c).Should().ThrowAsync<DataPulseTimeoutException>();
        plainCall.IsCompleted.Should().BeFalse("the other call keeps the client's 100 s");
        _clock.Advance(TimeSpan.FromSeconds(97));
        (await plainCall.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(c => c).Should().ThrowAsync<DataPulseTimeoutException>())
            .Which.Timeout.Should().Be(TimeSpan.FromSeconds(100));
    }

    [Fact]
    public async Task AttemptTimeout_PerCall_CutsEachAttempt()
    {
        await using var server = new ScriptedServer(ScriptedServer.Silent());
        using var client = new DataPulseClient(TestOptions.For(server.BaseAddress, o =>
        {
            o.TimeProvider = _clock;
            o.Timeout = TimeSpan.FromSeconds(100);
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
        }));

        var call = client.Customers.GetAsync("cust_1", new DataPulseRequestOptions { AttemptTimeout = TimeSpan.FromSeconds(2), MaxRetries = 0 });
        await WaitUntilAsync(() => server.Requests >= 1);
        _clock.Advance(TimeSpan.FromSeconds(2));

        var thrown = (await call.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(c => c).Should().ThrowAsync<DataPulseTimeoutException>()).Which;
        thrown.Kind.Should().Be(DataPulseTimeoutKind.Attempt);
        thrown.Timeout.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task MaxRetries_PerCallZero_SendsOnce()
    {
        using var api = new ApiServer();
        CannedResponses.CustomerAlways(api, CannedResponses.Error(503));
        using var client = api.CreateClient(o => o.MaxRetries = 3);

        await client.Customers.Invoking(c => c.GetAsync("cust_1", new DataPulseRequestOptions { MaxRetries = 0 }))
            .Should().ThrowAsync<DataPulseServerException>();

        api.Requests.Should().ContainSingle("the call asked for no retries");
    }

    [Fact]
    public async Task MaxRetries_PerCall_RetriesOnAClientThatDoesNot()
    {
        using var api = new ApiServer();
        CannedResponses.CustomerAlways(api, CannedResponses.Error(503));
        using var client = api.CreateClient(o => o.MaxRetries = 0);

        await client.Customers.Invoking(c => c.GetAsync("cust_1", new DataPulseRequestOptions { MaxRetries = 2 }))
            .Should().ThrowAsync<DataPulseServerException>();
        api.Requests.Should().HaveCount(3);

        api.Reset();
        CannedResponses.CustomerAlways(api, CannedResponses.Error(503));
        await client.Customers.Invoking(c => c.GetAsync("cust_1")).Should().ThrowAsync<DataPulseServerException>();
        api.Requests.Should().ContainSingle("a call without options keeps the client's MaxRetries of 0");
    }

    [Fact]
    public async Task Headers_PerCall_ArriveOnTheRequest()
    {
        using var api = new ApiServer();
        api.StubJson("GET", "/v1/customers/cust_92f8a3b1", ContractExamples.CustomerProfile);
        api.StubJson("POST", "/v1/analytics/query", ContractExamples.QueryResult);
        using var client = api.CreateClient();
        var options = new DataPulseRequestOptions { Headers = { ["X-Correlation-Id"] = "corr-42", ["X-Tenant"] = "acme" } };

        await client.Customers.GetAsync("cust_92f8a3b1", options);
        await client.Analytics.QueryAsync(ContractExamples.QuerySql, 50, options);

        api.Requests.Should().HaveCount(2);
        foreach (var request in api.Requests.Select(SentRequest.Of))
        {
            request.HasHeader("X-Correlation-Id", "corr-42").HasHeader("X-Tenant", "acme").HasBearer(ApiServer.ApiKey).HasUserAgent().AcceptsJson();
        }
    }

    [Fact]
    public async Task Headers_PerCall_GoOnEveryRetryOnce()
    {
        using var api = new ApiServer();
        CannedResponses.CustomerFailsThenSucceeds(api, CannedResponses.Error(503), failures: 1);
        using var client = api.CreateClient();

        await client.Customers.GetAsync("cust_1", new DataPulseRequestOptions { Headers = { ["X-Correlation-Id"] = "corr-7" } });

        api.Requests.Should().HaveCount(2);
        api.Requests.Select(r => SentRequest.Of(r).Header("X-Correlation-Id")).Should().Equal("corr-7", "corr-7");
    }

    [Fact]
    public async Task IdempotencyKey_PerCall_ReachesTheServerOnEveryAttempt()
    {
        using var api = new ApiServer();
        var key = Guid.NewGuid().ToString();
        CannedResponses.QueryAlways(api, CannedResponses.Error(500));
        using var client = api.CreateClient(o => o.MaxRetries = 1);

        await client.Analytics.Invoking(a => a.QueryAsync("SELECT 1", null, new DataPulseRequestOptions { IdempotencyKey = key }))
            .Should().ThrowAsync<DataPulseServerException>();

        // A keyed POST is retried on a 500: the same key both times.
        api.Requests.Select(r => SentRequest.Of(r).IdempotencyKey()).Should().Equal(key, key);
    }

    [Fact]
    public async Task IdempotencyKey_SameOnRequestAndOptions_IsSent()
    {
        using var api = new ApiServer();
        api.StubJson("POST", "/v1/analytics/query", ContractExamples.QueryResult);
        using var client = api.CreateClient();
        var key = Guid.NewGuid().ToString("N");

        await client.Analytics.QueryAsync(new QueryRequest { Sql = "SELECT 1", IdempotencyKey = key }, new DataPulseRequestOptions { IdempotencyKey = key });

        SentRequest.Of(api.SingleRequest()).IdempotencyKey().Should().Be(key);
    }

    [Fact]
    public async Task Options_OnAnAsynchronousExport_GoOnEveryRequestAndTheKeyOnThePostOnly()
    {
        await using var session = new SandboxSession();
        session.Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 1);
        using var client = session.CreateClient();
        var key = Guid.NewGuid().ToString();

        await using var file = await session.DriveAsync(client.Reports.ExportAsync(
            new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Csv },
            new DataPulseRequestOptions { IdempotencyKey = key, Headers = { ["X-Tenant"] = "acme" } }));

        var received = session.Sandbox.ReceivedRequests;
        received.Select(r => r.Method).Should().Equal("POST", "GET", "GET", "GET");
        received.Should().OnlyContain(r => r.Headers["X-Tenant"] == "acme");
        received[0].Headers["Idempotency-Key"].Should().Be(key);
        received.Skip(1).Should().OnlyContain(r => !r.Headers.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task Options_OnAListing_GoOnEveryPage()
    {
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

        // The sandbox's seeded schedules, one per page.
        var schedules = await client.Reports.ListSchedulesAsync(1, new DataPulseRequestOptions { Headers = { ["X-Tenant"] = "acme" } }).ToListAsync();

        schedules.Should().HaveCountGreaterThan(1);
        session.Sandbox.ReceivedRequests.Should().HaveCountGreaterThanOrEqualTo(schedules.Count)
            .And.OnlyContain(r => r.Method == "GET" && r.Headers["X-Tenant"] == "acme");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(5);
        while (!condition())
        {
            TimeProvider.System.GetUtcNow().Should().BeBefore(deadline, "the condition should hold within 5 s of real time");
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
        }
    }
}
