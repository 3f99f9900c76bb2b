using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Http;

/// <summary>Plain HTTP only to loopback; the base address, its path prefix kept, decides where every call goes.</summary>
public sealed class TransportSecurityTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public TransportSecurityTests(ApiServer api) => _api = api.Reset().AnswerEveryCallWithAProfile();

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
}
