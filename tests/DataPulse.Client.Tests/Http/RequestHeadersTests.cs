using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Http;

public sealed class RequestHeadersTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public RequestHeadersTests(ApiServer api)
    {
        _api = api.Reset();
        _api.StubJson("GET", "/v1/customers/cust_1", ContractExamples.CustomerProfile);
    }


    [Fact]
    public async Task UserAgent_WithoutApplicationId_IsSdkRuntimeAndOs()
    {
        using var client = _api.CreateClient();

        await client.Customers.GetAsync("cust_1");

        SentRequest.Of(_api.SingleRequest()).HasUserAgent();
    }

    [Fact]
    public async Task UserAgent_WithApplicationId_EndsWithIt()
    {
        using var client = _api.CreateClient(o => o.ApplicationId = "acme-billing/2.1");

        await client.Customers.GetAsync("cust_1");

        SentRequest.Of(_api.SingleRequest()).HasUserAgent("acme-billing/2.1");
    }

    [Fact]
    public async Task EveryRequest_CarriesTheBearerKey()
    {
        const string otherKey = "dp_live_sk_AAAAbbbbCCCCddddEEEEffffGGGGhh";
        using var client = _api.CreateClient(o => o.ApiKey = otherKey);

        await client.Customers.GetAsync("cust_1");
        await client.Customers.GetAsync("cust_1");

        _api.Requests.Should().HaveCount(2).And.AllSatisfy(r => SentRequest.Of(r).HasBearer(otherKey));
    }

    [Fact]
    public async Task OptionsWithOnlyAKey_TargetProductionAndSendTheKey()
    {
        // Options holding only a key (what the string constructor builds) target production; a recorder redirects the
        // request to the local server to see what was sent.
        var recorder = new RecordingHandler(new RedirectToServer(_api.BaseAddress));
        using var http = new HttpClient(recorder);
        using var client = new DataPulseClient(http, new DataPulseClientOptions { ApiKey = ApiServer.ApiKey });

        await client.Customers.GetAsync("cust_1");

        recorder.Uris.Should().ContainSingle().Which.Should().Be("https://api.datapulse.io/v1/customers/cust_1");
        SentRequest.Of(_api.SingleRequest()).HasBearer(ApiServer.ApiKey).HasHeader("Accept", "application/json");
    }

    /// <summary>Sends a request meant for production to the local server instead, keeping its path and headers.</summary>
    private sealed class RedirectToServer(Uri server) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(server, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
