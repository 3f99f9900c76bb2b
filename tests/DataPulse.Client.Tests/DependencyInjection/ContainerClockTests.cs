using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.DependencyInjection;

/// <summary>A TimeProvider registered in the container drives the clients' waits unless the options chose their own.</summary>
public sealed class ContainerClockTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public ContainerClockTests(ApiServer api) => _api = api.Reset();

    private ServiceProvider Provider(TimeProvider? containerClock, TimeProvider? optionsClock = null)
    {
        var services = new ServiceCollection();
        if (containerClock is not null)
        {
            services.AddSingleton(containerClock);
        }

        services.AddDataPulse(o =>
        {
            o.ApiKey = ApiServer.ApiKey;
            o.BaseAddress = _api.BaseAddress;
            if (optionsClock is not null)
            {
                o.TimeProvider = optionsClock;
            }
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public void ContainerClock_IsUsedWhenTheOptionsKeptTheSystemClock()
    {
        var clock = new FakeTimeProvider();
        using var provider = Provider(clock);

        provider.GetRequiredService<IOptionsMonitor<DataPulseClientOptions>>().Get(Options.DefaultName).TimeProvider.Should().BeSameAs(clock);
    }

    [Fact]
    public void OptionsClock_WinsOverTheContainerClock()
    {
        var optionsClock = new FakeTimeProvider();
        using var provider = Provider(new FakeTimeProvider(), optionsClock);

        provider.GetRequiredService<IOptionsMonitor<DataPulseClientOptions>>().Get(Options.DefaultName).TimeProvider.Should().BeSameAs(optionsClock);
    }

    [Fact]
    public void NoContainerClock_LeavesTheSystemClock()
    {
        using var provider = Provider(containerClock: null);

        provider.GetRequiredService<IOptionsMonitor<DataPulseClientOptions>>().Get(Options.DefaultName).TimeProvider.Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public async Task ContainerClock_DrivesTheRetryAfterWait()
    {
        _api.Server.Given(Request.Create().WithPath("/v1/customers/cust_1").UsingGet()).InScenario("limit").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "7").WithBodyAsJson(new { error = new { type = "rate_limit_error" } }));
        _api.Server.Given(Request.Create().WithPath("/v1/customers/cust_1").UsingGet()).InScenario("limit").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "customer_id": "cust_1" }"""));
        var clock = new TimerRecordingClock();
        using var provider = Provider(clock);

        var call = provider.GetRequiredService<IDataPulseClient>().Customers.GetAsync("cust_1");
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        _api.Requests.Should().ContainSingle("the retry waits on the container's clock, which has not moved");
        clock.Advance(TimeSpan.FromSeconds(7));

        (await call.WaitAsync(TimeSpan.FromSeconds(10))).CustomerId.Should().Be("cust_1");
        _api.Requests.Should().HaveCount(2);
    }
}
