using DataPulse.Client.Predictions;
using DataPulse.Client.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Errors;

/// <summary>The API key appears in no exception message, no ToString(), not even when the server echoes it back.</summary>
public sealed class KeyRedactionTests : IDisposable
{
    private const string LiveKey = "dp_live_sk_Z9x8C7v6B5n4M3l2K1j0H9g8F7d6S5";
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

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
        var closed = RawHttpServer.ClosedPort();
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
}
