using DataPulse.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary>No exception the SDK throws holds the key anywhere in its object graph, for every kind of failure.</summary>
public sealed class KeyReachabilityTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

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
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = RawHttpServer.ClosedPort(), MaxRetries = 0 });

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
}
