using System.Net;
using DataPulse.Client.Analytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Testing.Tests.DependencyInjection;

/// <summary><c>AddDataPulseSandbox</c> in the generic host: the container's clients on the sandbox's key, address, clock and state.</summary>
public sealed class SandboxServiceCollectionTests
{
    [Fact]
    public async Task AddDataPulseSandbox_GivenSandbox_TheContainersClientsCallIt()
    {
        await using var sandbox = DataPulseSandbox.Start();
        using var host = Build(services => services.AddDataPulseSandbox(sandbox));

        var kpis = await host.Services.GetRequiredService<IAnalyticsClient>().GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);

        kpis.Revenue.Should().Be(2_845_000m);
        sandbox.ReceivedRequests.Should().ContainSingle().Which.Headers["Authorization"].Should().NotContain(sandbox.ApiKey, "the log redacts the key it received");
        host.Services.GetRequiredService<DataPulseClient>().BaseAddress.Should().Be(sandbox.BaseAddress);
        host.Services.GetRequiredService<DataPulseSandbox>().Should().BeSameAs(sandbox);
    }

    [Fact]
    public async Task AddDataPulseSandbox_GivenSandbox_ItsStateIsSharedAndResetClearsIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero));
        await using var sandbox = DataPulseSandbox.Start(new DataPulseSandboxOptions
        {
            EnforcedRateLimit = new SandboxRateLimit(PermitLimit: 2, Window: TimeSpan.FromSeconds(10)),
            TimeProvider = clock,
        });
        using var host = Build(services => services.AddDataPulseSandbox(sandbox));
        var customers = host.Services.GetRequiredService<DataPulse.Client.Customers.ICustomersClient>();

        await customers.GetAsync("cust_92f8a3b1");
        await customers.GetAsync("cust_92f8a3b1");
        var held = customers.GetAsync("cust_92f8a3b1");
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        held.IsCompleted.Should().BeFalse("the client from the container paces to the sandbox's window, on its clock");
        clock.Advance(TimeSpan.FromSeconds(10));
        await held.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        await customers.GetAsync("cust_92f8a3b1");
        sandbox.Reset(); // the sandbox's window and the client's view of it, both
        var afterReset = customers.GetAsync("cust_92f8a3b1");
        var another = customers.GetAsync("cust_92f8a3b1");
        await Task.WhenAll(afterReset, another).WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        sandbox.ReceivedRequests.Should().HaveCount(2).And.OnlyContain(r => r.StatusCode == 200);
    }

    [Fact]
    public async Task AddDataPulseSandbox_Configure_AppliesAfterTheSandboxsSettings()
    {
        await using var sandbox = DataPulseSandbox.Start();
        using var host = Build(services => services.AddDataPulseSandbox(sandbox, options => options.MaxRetries = 0));
        sandbox.FailNextCalls(1, HttpStatusCode.ServiceUnavailable);

        await host.Services.GetRequiredService<IDataPulseClient>().Customers
            .Invoking(c => c.GetAsync("cust_92f8a3b1")).Should().ThrowAsync<DataPulseServerException>();

        sandbox.ReceivedRequests.Should().ContainSingle();
    }

    [Fact]
    public async Task AddDataPulseSandbox_AfterTheAppsConfiguration_TheSandboxsKeyAndAddressWin()
    {
        await using var sandbox = DataPulseSandbox.Start();
        using var host = Build(services =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataPulse:ApiKey"] = "dp_live_sk_abcdefghijklmnopqrstuvwxyz0123",
                ["DataPulse:Environment"] = "Production",
                ["DataPulse:ApplicationId"] = "acme-billing/2.1",
            }).Build();
            services.AddDataPulse(configuration.GetSection("DataPulse")); // the app's own registration
            services.AddDataPulseSandbox(sandbox);                        // the test's, after it
        });

        await host.Services.GetRequiredService<IDataPulseClient>().Customers.GetAsync("cust_92f8a3b1");

        var received = sandbox.ReceivedRequests.Should().ContainSingle().Subject;
        received.StatusCode.Should().Be(200, "the sandbox's key was sent, not the configured one");
        received.Headers["User-Agent"].Should().EndWith("acme-billing/2.1", "the rest of the app's configuration stays");
    }

    [Fact]
    public async Task AddDataPulseSandbox_OwnSandbox_StartsWithTheHostAndStopsWithIt()
    {
        DataPulseSandbox sandbox;
        Uri address;
        using (var host = Build(services => services.AddDataPulseSandbox(sandbox => sandbox.RateLimitPerMinute = 60)))
        {
            await host.StartAsync();
            sandbox = host.Services.GetRequiredService<DataPulseSandbox>();
            address = sandbox.BaseAddress;

            var customer = await host.Services.GetRequiredService<IDataPulseClient>().Customers.GetAsync("cust_92f8a3b1");

            customer.Response.RateLimit.Limit.Should().Be(60, "the sandbox's own settings apply");
            await host.StopAsync();
        }

        using var http = new HttpClient();
        await http.Invoking(h => h.GetAsync(new Uri(address, "/v1/customers/cust_92f8a3b1"))).Should().ThrowAsync<HttpRequestException>("the container stopped the sandbox it started");
    }

    [Fact]
    public async Task AddDataPulseSandbox_ATestsSandboxAfterTheAppsOwn_IsTheOneUsed()
    {
        await using var sandbox = DataPulseSandbox.Start();
        using var host = Build(services =>
        {
            services.AddDataPulseSandbox();        // the app's, in Development
            services.AddDataPulseSandbox(sandbox); // the test's
        });

        await host.Services.GetRequiredService<IDataPulseClient>().Customers.GetAsync("cust_92f8a3b1");

        sandbox.ReceivedRequests.Should().ContainSingle();
        host.Services.GetRequiredService<DataPulseSandbox>().Should().BeSameAs(sandbox);
    }

    [Fact]
    public async Task ConfigureOptions_ANamedClientOnTheSandbox()
    {
        await using var sandbox = DataPulseSandbox.Start();
        using var host = Build(services => services.AddDataPulse("tenant-a", sandbox.ConfigureOptions));

        await host.Services.GetRequiredService<IDataPulseClientFactory>().Create("tenant-a").Customers.GetAsync("cust_92f8a3b1");

        sandbox.ReceivedRequests.Should().ContainSingle();
    }

    private static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        return builder.Build();
    }
}
