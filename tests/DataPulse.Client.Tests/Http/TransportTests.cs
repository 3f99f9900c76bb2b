using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Http;

public sealed class TransportTests : IDisposable
{
    private readonly ApiServer _api = new();

    public TransportTests() => _api.StubAny(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200)
        .WithHeader("Content-Type", "application/json").WithBody(ContractExamples.CustomerProfile));

    public void Dispose() => _api.Dispose();

    [Theory]
    [InlineData("http://api.datapulse.io/")]
    [InlineData("http://example.com:8080/proxy/")]
    [InlineData("http://10.0.0.5/")]
    public void PlainHttpNonLoopback_IsRefusedAtConstruction(string address)
    {
        var act = () => new DataPulseClient(_api.Options(o => o.BaseAddress = new Uri(address)));

        act.Should().Throw<ArgumentException>().WithMessage("*BaseAddress*https://*");
    }

    [Fact]
    public void PlainHttpToLocalHostNameOfServer_IsRefusedAndSendsNothing()
    {
        // Same server, reached by a non-loopback name: refused before anything is sent.
        var address = new UriBuilder(_api.BaseAddress) { Host = "datapulse.example" }.Uri;

        var act = () => new DataPulseClient(_api.Options(o => o.BaseAddress = address));

        act.Should().Throw<ArgumentException>().WithMessage("*BaseAddress*");
        _api.ShouldHaveReceivedNothing();
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task PlainHttpToLoopback_IsAccepted(string host)
    {
        var address = new UriBuilder(_api.BaseAddress) { Host = host }.Uri;
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = address));

        var customer = await client.Customers.GetAsync("cust_1");

        customer.CustomerId.Should().Be("cust_92f8a3b1");
        _api.Requests.Should().ContainSingle();
    }

    [Fact]
    public void HttpsAddress_IsAccepted()
    {
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = DataPulseClientOptions.SandboxBaseAddress));

        client.BaseAddress.Should().Be(DataPulseClientOptions.SandboxBaseAddress);
    }

    [Fact]
    public void DefaultBaseAddress_IsProduction()
    {
        using var client = new DataPulseClient(ApiServer.ApiKey);

        client.BaseAddress.Should().Be(new Uri("https://api.datapulse.io/"));
    }

    [Theory]
    [InlineData("proxy/")]
    [InlineData("proxy")]
    [InlineData("eu/proxy/")]
    public async Task BaseAddressWithPathPrefix_KeepsThePrefix(string prefix)
    {
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = new Uri(_api.BaseAddress, prefix)));

        await client.Customers.GetAsync("cust_1");

        var expectedPrefix = "/" + prefix.TrimEnd('/');
        SentRequest.Of(_api.SingleRequest()).HasPath(expectedPrefix + "/v1/customers/cust_1");
    }

    [Fact]
    public async Task BaseAddressWithPathPrefix_KeepsThePrefixForQueryStrings()
    {
        using var api = new ApiServer();
        api.StubJson("GET", "/proxy/v1/analytics/kpis", ContractExamples.KpiSummary);
        using var client = new DataPulseClient(api.Options(o => o.BaseAddress = new Uri(api.BaseAddress, "proxy/")));

        await client.Analytics.GetKpiSummaryAsync(DataPulse.Client.Analytics.KpiPeriod.NinetyDays);

        SentRequest.Of(api.SingleRequest()).HasPath("/proxy/v1/analytics/kpis").HasQuery(("period", "90d"));
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

    [Fact]
    public void CallerHttpClientCtor_NullHttpClient_ThrowsArgumentNull()
    {
        var act = () => new DataPulseClient(null!, _api.Options());

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("httpClient");
    }

    [Fact]
    public void OptionsCtor_NullOptions_ThrowsArgumentNull()
    {
        var act = () => new DataPulseClient((DataPulseClientOptions)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task ChangingOptionsAfterConstruction_DoesNotChangeTheClient()
    {
        var options = _api.Options();
        using var client = new DataPulseClient(options);

        options.ApiKey = "dp_test_sk_changedchangedchangedchanged00";
        options.BaseAddress = new Uri("https://elsewhere.example/");
        await client.Customers.GetAsync("cust_1");

        SentRequest.Of(_api.SingleRequest()).HasBearer(ApiServer.ApiKey);
    }
}
