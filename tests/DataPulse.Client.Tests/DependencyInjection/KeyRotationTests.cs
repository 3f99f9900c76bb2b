using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataPulse.Client.Tests.DependencyInjection;

public sealed class KeyRotationTests : IDisposable, IClassFixture<ApiServer>
{
    private const string OldKey = "dp_live_sk_OLDold0000old0000old0000old000";
    private const string NewKey = "dp_live_sk_NEWnew1111new1111new1111new111";

    private readonly ApiServer _api;
    private readonly IConfigurationRoot _configuration;
    private readonly ServiceProvider _provider;

    public KeyRotationTests(ApiServer api)
    {
        _api = api.Reset();
        CannedResponses.Kpis(_api.Server);
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataPulse:ApiKey"] = OldKey,
            ["DataPulse:BaseAddress"] = _api.BaseAddress.ToString(),
            ["DataPulse:RetryBaseDelay"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddDataPulse(_configuration.GetSection("DataPulse"));
        _provider = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _provider.Dispose();
    }

    private List<string> SentKeys() =>
        _api.Requests.Select(r => r.RequestMessage.Headers!["Authorization"].Single()["Bearer ".Length..]).ToList();

    [Fact]
    public async Task ConfigurationReload_NewKeyAppliesToTheNextRequest()
    {
        var client = _provider.GetRequiredService<IDataPulseClient>();
        await client.Analytics.GetKpiSummaryAsync();

        _configuration["DataPulse:ApiKey"] = NewKey;
        _configuration.Reload();
        await client.Analytics.GetKpiSummaryAsync();

        SentKeys().Should().Equal(OldKey, NewKey);
    }

    [Fact]
    public async Task ConfigurationReload_KeyRemoved_NextRequestFailsWithoutSendingTheOldKey()
    {
        var client = _provider.GetRequiredService<IDataPulseClient>();
        await client.Analytics.GetKpiSummaryAsync();

        _configuration["DataPulse:ApiKey"] = "";
        try
        {
            _configuration.Reload();
        }
        catch (AggregateException)
        {
            // IOptionsMonitor re-validates on reload and reports the invalid options to whoever reloaded.
        }

        var act = () => client.Analytics.GetKpiSummaryAsync();

        await act.Should().ThrowAsync<DataPulseException>().WithMessage("*API key is not set*");
        SentKeys().Should().Equal(OldKey);
    }
}
