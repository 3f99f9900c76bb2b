using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests;

/// <summary>Constructing the client: its arguments are checked, and the options are copied, not kept.</summary>
public sealed class DataPulseClientTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public DataPulseClientTests(ApiServer api) => _api = api.Reset().AnswerEveryCallWithAProfile();

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
