using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary>A caller's own HttpClient carries every call, whatever its BaseAddress, and stays usable after the client is
/// disposed; it follows redirects by default, but the SDK never lets one carry a call to another origin.</summary>
public sealed class CallerHttpClientTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public CallerHttpClientTests(ApiServer api) => _api = api.Reset().AnswerEveryCallWithAProfile();

    private static Func<Stream, ReceivedRequest, CancellationToken, Task> RedirectTo(Uri elsewhere, int status) => (stream, request, ct) =>
        ScriptedServer.SendAsync(
            stream,
            $"HTTP/1.1 {status} Redirect\r\nLocation: {new Uri(elsewhere, request.RequestLine.Split(' ')[1])}\r\nContent-Length: 0\r\nConnection: close",
            string.Empty,
            ct);

    private static Func<Stream, ReceivedRequest, CancellationToken, Task> Json(string body) => (stream, _, ct) =>
        ScriptedServer.SendAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(body)}", body, ct);

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task PostRedirectedToAnotherHost_IsRefused_AndTheBodyNeverReachesIt(int status)
    {
        await using var elsewhere = new ScriptedServer(Json("""{ "prediction": "x", "confidence": 1, "reasons": [], "model_version": "v" }"""));
        await using var api = new ScriptedServer(RedirectTo(new Uri(elsewhere.BaseAddress.ToString().Replace("127.0.0.1", "localhost")), status));
        using var http = new HttpClient();
        using var client = new DataPulseClient(http, new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = api.BaseAddress, MaxRetries = 2 });

        var thrown = await client.Predictions.Invoking(p => p.PredictAsync(new Client.Predictions.PredictionRequest
        {
            ModelId = "churn_v3",
            Features = new Dictionary<string, object?> { ["secret_feature"] = "do-not-forward" },
        })).Should().ThrowAsync<DataPulseException>().WaitAsync(TimeSpan.FromSeconds(20));

        thrown.Which.Message.Should().Contain("redirect");
        elsewhere.Received.Where(r => r.Body.Contains("do-not-forward") || r.Headers.ContainsKey("Authorization")).Should().BeEmpty();
        api.Received.Should().ContainSingle("a refused redirect is not retried");
    }

    [Fact]
    public async Task GetRedirectedToAnotherHost_IsRefused_AndCarriesNoKeyThere()
    {
        await using var elsewhere = new ScriptedServer(Json("""{ "customer_id": "cust_from_elsewhere" }"""));
        await using var api = new ScriptedServer(RedirectTo(new Uri(elsewhere.BaseAddress.ToString().Replace("127.0.0.1", "localhost")), 302));
        using var http = new HttpClient();
        using var client = new DataPulseClient(http, new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = api.BaseAddress, MaxRetries = 0 });

        var thrown = await client.Customers.Invoking(c => c.GetAsync("cust_1")).Should().ThrowAsync<DataPulseException>().WaitAsync(TimeSpan.FromSeconds(20));

        thrown.Which.Message.Should().Contain("redirect");
        elsewhere.Received.Where(r => r.Headers.ContainsKey("Authorization")).Should().BeEmpty();
    }

    [Fact]
    public async Task SdkOwnTransport_NeverFollowsARedirect()
    {
        await using var elsewhere = new ScriptedServer(Json("{}"));
        await using var api = new ScriptedServer(RedirectTo(elsewhere.BaseAddress, 307));
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = api.BaseAddress, MaxRetries = 0 });

        await client.Analytics.Invoking(a => a.QueryAsync("SELECT 1")).Should().ThrowAsync<DataPulseApiException>().WaitAsync(TimeSpan.FromSeconds(20));

        elsewhere.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task CallerHttpClient_SendsThroughIt()
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder);
        using var client = new DataPulseClient(http, _api.Options());

        await client.Customers.GetAsync("cust_1");
        await client.Customers.GetAsync("cust_2");

        recorder.Count.Should().Be(2);
        _api.Requests.Should().HaveCount(2);
        SentRequest.Of(_api.Requests[0]).HasBearer(ApiServer.ApiKey).HasUserAgent();
    }

    [Fact]
    public async Task CallerHttpClient_BaseAddressIsIgnored()
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri("https://elsewhere.example/") };
        using var client = new DataPulseClient(http, _api.Options());

        await client.Customers.GetAsync("cust_1");

        recorder.Uris.Should().ContainSingle().Which.Should().StartWith(_api.BaseAddress.ToString().TrimEnd('/'));
    }

    [Fact]
    public async Task DisposingClient_LeavesCallerHttpClientUsable()
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder);
        var client = new DataPulseClient(http, _api.Options());
        await client.Customers.GetAsync("cust_1");

        client.Dispose();
        using var response = await http.GetAsync(new Uri(_api.BaseAddress, "/v1/customers/after-dispose"));

        response.IsSuccessStatusCode.Should().BeTrue();
        recorder.Count.Should().Be(2);
    }
}
