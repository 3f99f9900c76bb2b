using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary>A caller's own HttpClient follows redirects by default; the SDK never lets one carry a call to another origin.</summary>
public sealed class CallerHttpClientTests
{
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
}
