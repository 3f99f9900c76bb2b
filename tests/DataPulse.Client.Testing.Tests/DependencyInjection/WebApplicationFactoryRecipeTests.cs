using DataPulse.Client.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DataPulse.Client.Testing.Tests.DependencyInjection;

// The README's "Testing and local development with the sandbox" test suite, kept here so that it compiles and passes
// against the recipe's web app (samples/DataPulse.Samples.WebApp).

/// <summary>One sandbox and one app for the tests of a class; the app's DataPulse client calls the sandbox.</summary>
public sealed class DataPulseAppFixture : IAsyncLifetime
{
    public DataPulseAppFixture() =>
        App = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => services.AddDataPulseSandbox(Sandbox)));

    public DataPulseSandbox Sandbox { get; } = DataPulseSandbox.Start();

    public WebApplicationFactory<Program> App { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}

public sealed class KpiEndpointTests : IClassFixture<DataPulseAppFixture>
{
    private readonly DataPulseAppFixture _fixture;

    public KpiEndpointTests(DataPulseAppFixture fixture)
    {
        _fixture = fixture;
        fixture.Sandbox.Reset(); // no scenario, logged request or rate-limit window left over from another test
    }

    [Fact]
    public async Task GetKpis_AnswersWithTheRetailRevenue()
    {
        using var http = _fixture.App.CreateClient();

        var body = await http.GetStringAsync("/kpis/retail");

        Assert.Contains("\"revenue\":2845000", body);
        Assert.Contains(_fixture.Sandbox.ReceivedRequests, r => r.Path == "/v1/analytics/kpis" && r.Query["vertical"] == "retail");
    }

    [Fact]
    public async Task GetKpis_DataPulseBrieflyUnavailable_TheClientRetries()
    {
        _fixture.Sandbox.FailNextCalls(1, System.Net.HttpStatusCode.ServiceUnavailable);
        using var http = _fixture.App.CreateClient();

        var response = await http.GetAsync("/kpis/retail");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal([503, 200], _fixture.Sandbox.ReceivedRequests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task GetCustomer_Unknown_Answers404()
    {
        using var http = _fixture.App.CreateClient();

        var response = await http.GetAsync("/customers/cust_missing");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
