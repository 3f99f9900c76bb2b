using DataPulse.Client.Predictions;
using DataPulse.Client.Tests.Infrastructure;
using WireMock.ResponseBuilders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;

namespace DataPulse.Client.Tests.Http;

/// <summary>
/// The API key never leaks: no part of it (nor any 8-character run) appears in an exception's message, ToString() or
/// object graph, nor in any log (every level, every category, bodies on), whatever the outcome and even when the server
/// echoes it back.
/// </summary>
public sealed class ApiKeyTests : IDisposable, IClassFixture<ApiServer>
{
    private const string LiveKey = "dp_live_sk_Z9x8C7v6B5n4M3l2K1j0H9g8F7d6S5";

    private readonly ApiServer _api;
    private readonly LogCapture _logs = new();

    // Shared although some answers here are delayed past their test's end: no test in this class reads the request log.
    public ApiKeyTests(ApiServer api) => _api = api.Reset();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public void SecretRuns_CoverTheWholeSecretPart()
    {
        // Guards the helper itself: every secret character is inside some checked run, and the public prefix alone is not.
        var runs = KeyLeak.SecretRuns(ApiServer.ApiKey).ToList();
        runs.Should().Contain("t_sk_Q7w").And.Contain(ApiServer.ApiKey[^8..]).And.NotContain("dp_test_");
        string.Concat(runs).Should().Contain("Q7w2E9r4");
    }

    public static TheoryData<int, string> Statuses => new()
    {
        { 400, "invalid_request_error" },
        { 401, "authentication_error" },
        { 403, "permission_error" },
        { 404, "not_found_error" },
        { 429, "rate_limit_error" },
        { 500, "api_error" },
        { 502, "api_error" },
        { 503, "api_error" },
        { 418, "teapot_error" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task ErrorException_ServerEchoesKeyInMessage_KeyIsScrubbed(int status, string type)
    {
        _api.StubJson("GET", "/v1/customers/cust_1",
            ContractExamples.Error(type, "echo", $"The key {ApiServer.ApiKey} was rejected (Bearer {ApiServer.ApiKey})."), status);
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseApiException>()).Which;

        thrown.StatusCode.Should().Be((System.Net.HttpStatusCode)status);
        thrown.ShouldNotReveal(ApiServer.ApiKey);
        thrown.ResponseBody.ShouldNotReveal(ApiServer.ApiKey, "ResponseBody");
        thrown.Error.Message.ShouldNotReveal(ApiServer.ApiKey, "Error.Message");
    }

    [Fact]
    public async Task ErrorException_ServerEchoesKeyInEveryField_KeyIsScrubbed()
    {
        var key = ApiServer.ApiKey;
        _api.StubJson("GET", "/v1/customers/cust_1", ContractExamples.Error(key, key, key, param: key, traceId: key), 400);
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseBadRequestException>()).Which;

        thrown.ShouldNotReveal(key);
    }

    [Fact]
    public async Task ErrorException_ServerEchoesKeyInHtml_KeyIsScrubbed()
    {
        _api.StubRaw("GET", "/v1/customers/cust_1", 502, $"<html>upstream rejected Authorization: Bearer {ApiServer.ApiKey}</html>", "text/html");
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseServerException>()).Which;

        thrown.ShouldNotReveal(ApiServer.ApiKey);
        thrown.ResponseBody.ShouldNotReveal(ApiServer.ApiKey, "ResponseBody");
    }

    [Fact]
    public async Task ConnectionException_DoesNotRevealKey()
    {
        var closed = ScriptedServer.ClosedPort();
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = closed, MaxRetries = 0 });

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseConnectionException>()).Which;

        thrown.ShouldNotReveal(ApiServer.ApiKey);
    }

    [Fact]
    public async Task TimeoutException_DoesNotRevealKey()
    {
        _api.Stub("GET", "/v1/customers/cust_1", Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromMilliseconds(500)).WithBody("{}"));
        using var client = _api.CreateClient(o =>
        {
            o.MaxRetries = 0;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        });

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseTimeoutException>()).Which;

        thrown.ShouldNotReveal(ApiServer.ApiKey);
    }

    [Fact]
    public async Task UnreadableAnswerException_DoesNotRevealKey()
    {
        _api.StubRaw("POST", "/v1/predictions", 200, $"{{ \"prediction\": {ApiServer.ApiKey} }}", "application/json");
        using var client = _api.CreateClient();

        var thrown = (await client.Invoking(c => c.Predictions.PredictAsync(
            new PredictionRequest { ModelId = "m", Features = new Dictionary<string, object?> { ["a"] = 1 } })).Should().ThrowExactlyAsync<DataPulseException>()).Which;

        thrown.ShouldNotReveal(ApiServer.ApiKey);
    }

    [Fact]
    public void OptionsValidationException_DoesNotRevealKey()
    {
        var options = _api.Options(o =>
        {
            o.ApiKey = LiveKey;
            o.Timeout = TimeSpan.Zero;
            o.BaseAddress = new Uri("http://api.datapulse.io/");
        });

        var thrown = FluentActions.Invoking(() => new DataPulseClient(options)).Should().Throw<ArgumentException>().Which;

        thrown.ShouldNotReveal(LiveKey);
    }

    [Theory]
    [InlineData(ApiServer.ApiKey)]
    [InlineData(LiveKey)]
    [InlineData("sk_unknownshape_0123456789abcdef")]
    public void OptionsToString_DoesNotRevealKey(string key)
    {
        var options = new DataPulseClientOptions { ApiKey = key };

        var text = options.ToString();

        text.ShouldNotReveal(key, "DataPulseClientOptions.ToString()");
        text.Should().Contain("ApiKey");
    }

    [Theory]
    [InlineData(ApiServer.ApiKey)]
    [InlineData(LiveKey)]
    public void ClientToString_DoesNotRevealKey(string key)
    {
        using var client = new DataPulseClient(key);

        client.ToString().ShouldNotReveal(key, "DataPulseClient.ToString()");
        client.ToString().Should().Contain("api.datapulse.io");
    }


    public static TheoryData<string> Outcomes =>
    [
        "success", "400", "401 echoing the key", "403", "404", "429 after retries", "500 after retries", "503 then success",
        "connection refused", "attempt timeout", "unreadable body",
    ];

    private void Arrange(string outcome, DataPulseClientOptions options)
    {
        var server = _api.Server;
        switch (outcome)
        {
            case "success":
                CannedResponses.Kpis(server);
                break;
            case "401 echoing the key":
                CannedResponses.Error(server, CannedResponses.KpisPath, 401, "authentication_error", "invalid_api_key", $"Invalid API key {ApiServer.ApiKey}.");
                break;
            case "429 after retries":
                CannedResponses.Error(server, CannedResponses.KpisPath, 429, "rate_limit_error", "rate_limit_exceeded");
                break;
            case "500 after retries":
                CannedResponses.Error(server, CannedResponses.KpisPath, 500, "api_error", "internal");
                break;
            case "503 then success":
                CannedResponses.KpisFailThenSucceed(server, 503, failures: 2);
                break;
            case "connection refused":
                options.BaseAddress = ScriptedServer.ClosedPort();
                break;
            case "attempt timeout":
                options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
                options.MaxRetries = 1;
                server.Given(Request.Create().WithPath(CannedResponses.KpisPath)).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromMilliseconds(500)));
                break;
            case "unreadable body":
                server.Given(Request.Create().WithPath(CannedResponses.KpisPath)).RespondWith(CannedResponses.Json(200, "{ not json", CannedResponses.TraceId));
                break;
            default:
                var status = int.Parse(outcome, System.Globalization.CultureInfo.InvariantCulture);
                CannedResponses.Error(server, CannedResponses.KpisPath, status, "some_error", "some_code");
                break;
        }
    }

    private static async Task<string> CallAndDescribeAsync(IDataPulseClient client)
    {
        try
        {
            await client.Analytics.GetKpiSummaryAsync();
            return string.Empty;
        }
        catch (Exception ex)
        {
            return ex.ToString() + Environment.NewLine + ex.Message;
        }
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task DirectClient_NoOutcomeLeaksTheKey(string outcome)
    {
        var options = _api.Options(o =>
        {
            o.LoggerFactory = _logs.Factory;
            o.LogBodies = true;
        });
        Arrange(outcome, options);
        using var client = new DataPulseClient(options);

        var exceptionText = await CallAndDescribeAsync(client);

        _logs.Records.Should().NotBeEmpty();
        (_logs.AllText() + exceptionText).ShouldNotContainKey();
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task ContainerClient_NoOutcomeLeaksTheKeyInAnyCategory(string outcome)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        var template = _api.Options(o => o.LogBodies = true);
        Arrange(outcome, template);
        services.AddDataPulse(o =>
        {
            (o.ApiKey, o.BaseAddress, o.RetryBaseDelay, o.LogBodies) = (template.ApiKey, template.BaseAddress, template.RetryBaseDelay, template.LogBodies);
            (o.AttemptTimeout, o.MaxRetries) = (template.AttemptTimeout, template.MaxRetries);
        });
        await using var provider = services.BuildServiceProvider();

        var exceptionText = await CallAndDescribeAsync(provider.GetRequiredService<IDataPulseClient>());

        var collector = provider.GetFakeLogCollector();
        collector.GetSnapshot().Should().Contain(r => r.Category == "DataPulse.Client");
        (LogCapture.AllText(collector) + exceptionText).ShouldNotContainKey();
    }


    private void Answer(int status, string body, string contentType = "application/json") =>
        _api.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithHeader("X-Echo", ApiServer.ApiKey).WithBody(body));

    private static async Task<Exception> FailureOf(Func<Task> call) =>
        (await call.Should().ThrowAsync<Exception>().WaitAsync(TimeSpan.FromSeconds(20))).Which;

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(418)]
    public async Task ErrorStatus_EchoingTheKey_HoldsNoKey(int status)
    {
        Answer(status, $$"""{ "error": { "type": "x", "code": "y", "message": "bad key {{ApiServer.ApiKey}}", "param": "{{ApiServer.ApiKey}}", "trace_id": "{{ApiServer.ApiKey}}" } }""");
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        (await FailureOf(() => client.Customers.GetAsync("cust_1"))).ShouldNotHoldKey(ApiServer.ApiKey);
    }

    [Fact]
    public async Task UndecodableSuccess_HoldsNoKey()
    {
        Answer(200, $$"""{ "customer_id": 42, "echo": "{{ApiServer.ApiKey}}" """);
        using var client = _api.CreateClient();

        var failure = await FailureOf(() => client.Customers.GetAsync("cust_1"));

        failure.Should().BeOfType<DataPulseException>().Which.Message.Should().Contain("could not be read");
        failure.ShouldNotHoldKey(ApiServer.ApiKey);
    }

    [Fact]
    public async Task ConnectionRefused_HoldsNoKey()
    {
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = ScriptedServer.ClosedPort(), MaxRetries = 0 });

        var failure = await FailureOf(() => client.Predictions.PredictAsync(new Client.Predictions.PredictionRequest
        {
            ModelId = "churn_v3",
            Features = new Dictionary<string, object?> { ["plan"] = "pro" },
        }));

        failure.Should().BeOfType<DataPulseConnectionException>();
        failure.ShouldNotHoldKey(ApiServer.ApiKey);
    }

    [Fact]
    public async Task Timeout_HoldsNoKey()
    {
        await using var server = new ScriptedServer(ScriptedServer.Stall("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10"));
        using var client = new DataPulseClient(new DataPulseClientOptions
        {
            ApiKey = ApiServer.ApiKey, BaseAddress = server.BaseAddress, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromSeconds(1),
        });

        var failure = await FailureOf(() => client.Analytics.QueryAsync("SELECT 1"));

        failure.Should().BeOfType<DataPulseTimeoutException>();
        failure.ShouldNotHoldKey(ApiServer.ApiKey);
    }

    [Fact]
    public async Task CallersOwnHttpClient_Failure_HoldsNoKey()
    {
        Answer(200, "not json", "text/plain");
        using var http = new HttpClient();
        using var client = new DataPulseClient(http, _api.Options());

        (await FailureOf(() => client.Customers.GetAsync("cust_1"))).ShouldNotHoldKey(ApiServer.ApiKey);
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(-41)]
    [InlineData(-20)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(4000)]
    public async Task KeyEchoedAroundTheBodyCap_IsNeverLeftInTheBody(int offsetFromCap)
    {
        var start = DataPulseApiError.MaxResponseBodyBytes + offsetFromCap;
        var body = new string('x', start) + ApiServer.ApiKey + new string('y', 200);
        Answer(500, body, "text/plain");
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        var failure = (DataPulseApiException)await FailureOf(() => client.Analytics.QueryAsync("SELECT 1"));

        failure.ResponseBody.ShouldNotReveal(ApiServer.ApiKey, "ResponseBody");
        failure.ResponseBody!.Length.Should().BeLessThanOrEqualTo(DataPulseApiError.MaxResponseBodyBytes);
        failure.ShouldNotHoldKey(ApiServer.ApiKey);
    }

    [Fact]
    public async Task ShortKey_EchoedInTheBody_IsScrubbedFromResponseBodyAndMessage()
    {
        const string shortKey = "k3y";
        _api.StubJson("GET", "/v1/customers/cust_1", """{ "error": { "type": "authentication_error", "message": "invalid key k3y" } }""", 401);
        using var client = _api.CreateClient(o => o.ApiKey = shortKey);

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseAuthenticationException>()).Which;

        thrown.ResponseBody.Should().NotContain(shortKey);
        thrown.Message.Should().NotContain(shortKey);
    }

    [Fact]
    public async Task KeyEchoedInAResponseHeader_IsScrubbedFromResponseHeaders()
    {
        _api.StubJson("GET", "/v1/customers/cust_1", """{ "error": { "type": "authentication_error" } }""", 401, ("X-Echo", "Bearer " + ApiServer.ApiKey));
        using var client = _api.CreateClient();

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseAuthenticationException>()).Which;

        thrown.ResponseHeaders.Should().ContainKey("X-Echo");
        string.Join(" ", thrown.ResponseHeaders["X-Echo"]).ShouldNotReveal(ApiServer.ApiKey, "the X-Echo header");
    }
}
