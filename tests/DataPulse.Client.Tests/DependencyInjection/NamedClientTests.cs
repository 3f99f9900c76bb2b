using DataPulse.Client.Analytics;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataPulse.Client.Tests.DependencyInjection;

public sealed class NamedClientTests : IDisposable
{
    private const string KeyA = "dp_live_sk_AAAAaaaa1111bbbb2222cccc3333dd";
    private const string KeyB = "dp_live_sk_BBBBzzzz9999yyyy8888xxxx7777ww";

    private readonly ApiServer _serverA = new();
    private readonly ApiServer _serverB = new();
    private readonly ServiceProvider _provider;

    public NamedClientTests()
    {
        CannedResponses.Kpis(_serverA.Server);
        CannedResponses.Kpis(_serverB.Server);
        var services = new ServiceCollection();
        services.AddDataPulse("tenant-a", options => (options.ApiKey, options.BaseAddress) = (KeyA, _serverA.BaseAddress));
        services.AddDataPulse("tenant-b", options => (options.ApiKey, options.BaseAddress) = (KeyB, _serverB.BaseAddress));
        _provider = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _provider.Dispose();
        _serverA.Dispose();
        _serverB.Dispose();
    }

    private static string AuthorizationOf(ApiServer server) => server.SingleRequest().RequestMessage.Headers!["Authorization"].Single();

    [Fact]
    public async Task KeyedClients_EachCallTheirOwnAddressWithTheirOwnKey()
    {
        await _provider.GetRequiredKeyedService<IDataPulseClient>("tenant-a").Analytics.GetKpiSummaryAsync();
        await _provider.GetRequiredKeyedService<IDataPulseClient>("tenant-b").Analytics.GetKpiSummaryAsync();

        AuthorizationOf(_serverA).Should().Be($"Bearer {KeyA}");
        AuthorizationOf(_serverB).Should().Be($"Bearer {KeyB}");
    }

    [Fact]
    public async Task Factory_CreatesTheNamedClient()
    {
        await _provider.GetRequiredService<IDataPulseClientFactory>().Create("tenant-b").Analytics.GetKpiSummaryAsync();

        _serverA.Requests.Should().BeEmpty();
        AuthorizationOf(_serverB).Should().Be($"Bearer {KeyB}");
    }

    [Fact]
    public void Factory_AndKeyedServices_HandOutTheSameInstance()
    {
        _provider.GetRequiredService<IDataPulseClientFactory>().Create("tenant-a")
            .Should().BeSameAs(_provider.GetRequiredKeyedService<IDataPulseClient>("tenant-a"))
            .And.BeSameAs(_provider.GetRequiredKeyedService<DataPulseClient>("tenant-a"));
    }

    [Fact]
    public async Task KeyedResourceInterface_UsesItsClientsAccount()
    {
        await _provider.GetRequiredKeyedService<IAnalyticsClient>("tenant-a").GetKpiSummaryAsync();

        AuthorizationOf(_serverA).Should().Be($"Bearer {KeyA}");
        _serverB.Requests.Should().BeEmpty();
    }

    [Fact]
    public void FromKeyedServices_InjectsTheNamedClient()
    {
        var services = new ServiceCollection();
        services.AddDataPulse("tenant-a", options => (options.ApiKey, options.BaseAddress) = (KeyA, _serverA.BaseAddress));
        services.AddTransient<TenantAConsumer>();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<TenantAConsumer>().Client
            .Should().BeSameAs(provider.GetRequiredKeyedService<IDataPulseClient>("tenant-a"));
    }

    [Fact]
    public void NamedClientsOnly_RegisterNoDefaultClient()
    {
        _provider.GetService<IDataPulseClient>().Should().BeNull();
    }

    private sealed class TenantAConsumer([FromKeyedServices("tenant-a")] IDataPulseClient client)
    {
        public IDataPulseClient Client { get; } = client;
    }
}
