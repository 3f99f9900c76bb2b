using System.Net;
using System.Net.Http.Json;
using DataPulse.Samples.WebApp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DataPulse.Client.Testing.Tests.DependencyInjection;

/// <summary>
/// The recipe's web app (samples/DataPulse.Samples.WebApp) in each of its set-ups: its own sandbox in Development, a
/// test's sandbox in place of its own, and a test's sandbox in place of the API configured for Production.
/// </summary>
public sealed class WebAppTests
{
    [Fact]
    public async Task Development_WithoutAKey_TheAppRunsOnASandboxOfItsOwn()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.UseEnvironment("Development"));
        using var http = app.CreateClient();

        var kpis = await http.GetFromJsonAsync<KpiView>("/kpis/retail");

        kpis!.Revenue.Should().Be(2_845_000m);
        var sandbox = app.Services.GetRequiredService<DataPulseSandbox>();
        sandbox.BaseAddress.IsLoopback.Should().BeTrue("the app's own in-process sandbox, not the hosted one");
        sandbox.ReceivedRequests.Should().ContainSingle(r => r.Path == "/v1/analytics/kpis");
        sandbox.ReceivedRequests[0].Headers["User-Agent"].Should().EndWith("datapulse-webapp-sample/1.0", "the app's own settings still apply");
    }

    [Fact]
    public async Task Development_ATestsSandbox_TakesThePlaceOfTheAppsOwn()
    {
        await using var sandbox = DataPulseSandbox.Start();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .ConfigureTestServices(services => services.AddDataPulseSandbox(sandbox)));
        using var http = app.CreateClient();

        (await http.GetAsync("/customers/cust_92f8a3b1")).StatusCode.Should().Be(HttpStatusCode.OK);

        app.Services.GetRequiredService<DataPulseSandbox>().Should().BeSameAs(sandbox);
        sandbox.ReceivedRequests.Should().ContainSingle(r => r.Path == "/v1/customers/cust_92f8a3b1");
    }

    [Fact]
    public async Task Production_ATestsSandbox_TakesThePlaceOfTheConfiguredApi()
    {
        // In Production the app reads DataPulse from configuration (Environment: Production, no key here): the test's
        // sandbox supplies the key and the address.
        await using var sandbox = DataPulseSandbox.Start();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .ConfigureTestServices(services => services.AddDataPulseSandbox(sandbox)));
        using var http = app.CreateClient();

        var customer = await http.GetFromJsonAsync<CustomerView>("/customers/cust_92f8a3b1");

        customer!.Segments.Should().Equal("high_value", "early_adopter");
        sandbox.ReceivedRequests.Should().ContainSingle();
        app.Services.GetRequiredService<DataPulseClient>().BaseAddress.Should().Be(sandbox.BaseAddress);
    }
}
