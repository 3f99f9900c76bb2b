using DataPulse.Client.Analytics;
using DataPulse.Client.Testing;
using DataPulse.Client.Telemetry;
using DataPulse.Client.Pipeline;
using DataPulse.Client.RateLimiting;
using System.Net;
using DataPulse.Client.Http;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using DataPulse.Client.Resilience;
using Polly;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>
/// What is retried and what goes out once, per the contract's Errors table (backoff is zero, so nothing waits), and the
/// classifier's own rules for cancellations, waits and deadlines, which calls over the wire cannot isolate.
/// </summary>
public sealed class RetryClassifierTests : IClassFixture<ApiServer>
{
    private static readonly RetryRules Rules = new(TimeProvider.System, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(10));

    private readonly ApiServer _api;

    public RetryClassifierTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task ServiceUnavailable_TwiceThenOk_Succeeds()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(503), failures: 2);
        using var client = _api.CreateClient();

        var profile = await client.Customers.GetAsync("cust_1");

        profile.CustomerId.Should().Be("cust_1");
        _api.Requests.Select(r => r.ResponseMessage.StatusCode).Should().Equal(503, 503, 200);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task GatewayErrors_AreRetried(int status)
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(status), failures: 1);
        using var client = _api.CreateClient();

        await client.Customers.GetAsync("cust_1");

        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task InternalServerError_OnGet_IsRetried()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(500), failures: 1);
        using var client = _api.CreateClient();

        await client.Customers.GetAsync("cust_1");

        _api.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task InternalServerError_OnGet_EveryTime_ThrowsServerExceptionAfterMaxRetriesPlusOneAttempts()
    {
        CannedResponses.CustomerAlways(_api, CannedResponses.Error(500));
        using var client = _api.CreateClient(o => o.MaxRetries = 2);

        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseServerException>();

        _api.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task InternalServerError_OnPostWithIdempotencyKey_IsRetriedWithTheSameKeyEveryAttempt()
    {
        CannedResponses.QueryAlways(_api, CannedResponses.Error(500));
        using var client = _api.CreateClient(o => o.MaxRetries = 3);

        await client.Invoking(c => c.Analytics.QueryAsync("SELECT 1")).Should().ThrowAsync<DataPulseServerException>();

        var keys = _api.Requests.Select(r => r.RequestMessage.Headers!["Idempotency-Key"].Single()).ToList();
        keys.Should().HaveCount(4);
        keys.Distinct().Should().ContainSingle().Which.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task PostCalls_EachLogicalCall_GetsAFreshIdempotencyKey()
    {
        CannedResponses.QueryAlways(_api, CannedResponses.Query());
        using var client = _api.CreateClient();

        await client.Analytics.QueryAsync("SELECT 1");
        await client.Analytics.QueryAsync("SELECT 1");

        _api.Requests.Select(r => r.RequestMessage.Headers!["Idempotency-Key"].Single()).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public async Task InternalServerError_OnPostWithoutIdempotencyKey_IsSentOnce()
    {
        // The facade always adds a key, so send a raw POST without one through the SDK's own handler chain and pipeline.
        CannedResponses.QueryAlways(_api, CannedResponses.Error(500));
        var options = _api.Options(o => o.MaxRetries = 3);
        using var http = SdkCallPath(options);

        var send = () => http.PostAsync(new Uri(CannedResponses.QueryPath, UriKind.Relative), new StringContent("""{ "sql": "SELECT 1" }"""));

        (await send.Should().ThrowAsync<DataPulseServerException>()).Which.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        _api.SingleRequest().RequestMessage.Headers!.Should().NotContainKey("Idempotency-Key");
    }

    [Fact]
    public async Task ServiceUnavailable_OnPostWithoutIdempotencyKey_IsRetried()
    {
        // 502/503/504 mean the request was not processed: retried whatever the method.
        CannedResponses.QueryAlways(_api, CannedResponses.Error(503));
        var options = _api.Options(o => o.MaxRetries = 2);
        using var http = SdkCallPath(options);

        var send = () => http.PostAsync(new Uri(CannedResponses.QueryPath, UriKind.Relative), new StringContent("{}"));

        await send.Should().ThrowAsync<DataPulseServerException>();
        _api.Requests.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(400, typeof(DataPulseBadRequestException))]
    [InlineData(401, typeof(DataPulseAuthenticationException))]
    [InlineData(403, typeof(DataPulsePermissionDeniedException))]
    [InlineData(404, typeof(DataPulseNotFoundException))]
    [InlineData(409, typeof(DataPulseApiException))]
    public async Task ClientErrors_AreSentExactlyOnce(int status, Type expected)
    {
        CannedResponses.CustomerAlways(_api, CannedResponses.Error(status));
        using var client = _api.CreateClient();

        var thrown = await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseApiException>();

        thrown.Which.Should().BeOfType(expected);
        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task MaxRetriesZero_TurnsRetriesOff()
    {
        CannedResponses.CustomerAlways(_api, CannedResponses.Error(503));
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseServerException>();

        _api.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task RateLimited_OnPost_IsRetriedWithTheSameIdempotencyKey()
    {
        CannedResponses.QueryAlways(_api, CannedResponses.Error(429, "0"));
        using var client = _api.CreateClient(o => o.MaxRetries = 1);

        await client.Invoking(c => c.Analytics.QueryAsync("SELECT 1")).Should().ThrowAsync<DataPulseRateLimitException>();

        _api.Requests.Select(r => r.RequestMessage.Headers!["Idempotency-Key"].Single()).Should().HaveCount(2).And.OnlyContain(k => k == _api.Requests[0].RequestMessage.Headers!["Idempotency-Key"].Single());
    }

    [Fact]
    public async Task ServiceUnavailableTwice_IsRetriedAndSucceeds()
    {
        await using var session = new SandboxSession();
        session.Sandbox.FailNextCalls(2, HttpStatusCode.ServiceUnavailable);
        using var client = session.CreateClient();

        var kpis = await session.DriveAsync(client.Analytics.GetKpiSummaryAsync());

        kpis.Revenue.Should().BePositive();
        session.Sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(503, 503, 200);
    }

    [Fact]
    public async Task InternalServerErrorOnAPost_IsRetriedWithTheSameIdempotencyKey()
    {
        await using var session = new SandboxSession();
        session.Sandbox.FailNextCalls(1, HttpStatusCode.InternalServerError);
        using var client = session.CreateClient();

        var result = await session.DriveAsync(client.Analytics.QueryAsync(new QueryRequest { Sql = "SELECT COUNT(*) FROM transactions" }));

        result.Rows.Single().GetInt64("count").Should().Be(24);
        var requests = session.Sandbox.ReceivedRequests;
        requests.Select(r => $"{r.Method} {r.StatusCode}").Should().Equal("POST 500", "POST 200");
        var keys = requests.Select(IdempotencyKey).ToList();
        keys[0].Should().NotBeNullOrWhiteSpace("a POST without an Idempotency-Key must not be retried after a 500");
        keys[1].Should().Be(keys[0], "a retry is the same logical call");
    }

    [Fact]
    public async Task SeparatePosts_CarryDifferentIdempotencyKeys()
    {
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

        await client.Analytics.QueryAsync("SELECT COUNT(*) FROM transactions");
        await client.Analytics.QueryAsync("SELECT COUNT(*) FROM transactions");

        var keys = session.Sandbox.ReceivedRequests.Select(IdempotencyKey).ToList();
        keys.Should().OnlyHaveUniqueItems().And.NotContainNulls();
    }

    private static string? IdempotencyKey(SandboxRequest request) =>
        request.Headers.TryGetValue("Idempotency-Key", out var key) ? key : null;

    /// <summary>The SDK's own handler chain and pipeline without the facade, which always adds an Idempotency-Key.</summary>
    private static HttpClient SdkCallPath(DataPulseClientOptions options) =>
        CallPipeline.Create(options, ApiKeyProvider.Fixed(ApiServer.ApiKey), NullLogger.Instance, DataPulseMetrics.Default, new Transport.Handler(PrimaryHandler.Create(), ownsHandler: true), new RateLimitRegistry());

    private static TimeSpan? NextDelay(Outcome<HttpResponseMessage> outcome, HttpMethod method, CancellationToken callerToken, TimeSpan? remaining = null)
    {
        using var request = new HttpRequestMessage(method, "https://api.datapulse.io/v1/customers/cust_1");
        return RetryClassifier.NextDelay(outcome, request, 0, remaining ?? TimeSpan.FromMinutes(10), Rules, callerToken);
    }

    [Fact]
    public void Cancellation_OfTheCallersToken_IsNotRetried()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        NextDelay(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException(canceled.Token)), HttpMethod.Get, canceled.Token).Should().BeNull();
    }

    [Fact]
    public void TransportTimeout_OnAGet_IsRetried()
    {
        var timeout = new DataPulseTimeoutException("timed out", DataPulseTimeoutKind.Transport, null);

        NextDelay(Outcome.FromException<HttpResponseMessage>(timeout), HttpMethod.Get, CancellationToken.None).Should().NotBeNull();
    }

    [Fact]
    public void TransportTimeout_OnAPostWithoutIdempotencyKey_IsNotRetried()
    {
        var timeout = new DataPulseTimeoutException("timed out", DataPulseTimeoutKind.Transport, null);

        NextDelay(Outcome.FromException<HttpResponseMessage>(timeout), HttpMethod.Post, CancellationToken.None).Should().BeNull();
    }

    [Fact]
    public void OverallTimeout_IsNeverRetried()
    {
        var timeout = new DataPulseTimeoutException("timed out", DataPulseTimeoutKind.Overall, TimeSpan.FromSeconds(1));

        NextDelay(Outcome.FromException<HttpResponseMessage>(timeout), HttpMethod.Get, CancellationToken.None).Should().BeNull();
    }

    [Fact]
    public void BadRequest_IsNotRetried()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);

        NextDelay(Outcome.FromResult(response), HttpMethod.Get, CancellationToken.None).Should().BeNull();
    }

    [Fact]
    public void RetryAfter_IsTheWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        NextDelay(Outcome.FromResult(response), HttpMethod.Post, CancellationToken.None).Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void RetryAfter_BeyondTheDeadline_IsNotWaited()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        NextDelay(Outcome.FromResult(response), HttpMethod.Get, CancellationToken.None, remaining: TimeSpan.FromSeconds(6)).Should().BeNull();
    }

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("99999999999999999999999999")]
    public void RetryAfter_LargerThanAnyInteger_IsOverTheCeiling(string value)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", value);

        NextDelay(Outcome.FromResult(response), HttpMethod.Get, CancellationToken.None).Should().BeNull();
    }
}
