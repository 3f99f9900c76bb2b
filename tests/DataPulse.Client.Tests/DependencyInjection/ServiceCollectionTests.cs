using DataPulse.Client.Analytics;
using DataPulse.Client.Customers;
using DataPulse.Client.Pipeline;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DataPulse.Client.Tests.DependencyInjection;

public sealed class ServiceCollectionTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public ServiceCollectionTests(ApiServer api) => _api = api.Reset();

    private void Configure(DataPulseClientOptions options)
    {
        options.ApiKey = ApiServer.ApiKey;
        options.BaseAddress = _api.BaseAddress;
        options.RetryBaseDelay = TimeSpan.Zero;
    }

    [Fact]
    public async Task AddDataPulse_ResolvedClient_CallsTheApiWithTheKey()
    {
        CannedResponses.Kpis(_api.Server);
        var services = new ServiceCollection();
        services.AddDataPulse(Configure);
        using var provider = services.BuildServiceProvider();

        var kpis = await provider.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        kpis.Revenue.Should().Be(2845000m);
        var request = _api.SingleRequest().RequestMessage;
        request.Path.Should().Be(CannedResponses.KpisPath);
        request.Headers!["Authorization"].Should().Equal($"Bearer {ApiServer.ApiKey}");
    }

    [Fact]
    public void AddDataPulse_RegistersTheFacadeAndEveryResourceInterface()
    {
        var services = new ServiceCollection();
        services.AddDataPulse(Configure);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<DataPulseClient>();

        provider.GetRequiredService<IDataPulseClient>().Should().BeSameAs(client);
        provider.GetRequiredService<IAnalyticsClient>().Should().BeSameAs(client.Analytics);
        provider.GetRequiredService<ICustomersClient>().Should().BeSameAs(client.Customers);
        provider.GetRequiredService<IPredictionsClient>().Should().BeSameAs(client.Predictions);
        provider.GetRequiredService<IReportsClient>().Should().BeSameAs(client.Reports);
    }

    [Fact]
    public void AddDataPulse_ClientIsOneSharedInstanceAcrossScopes()
    {
        var services = new ServiceCollection();
        services.AddDataPulse(Configure);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        using var first = provider.CreateScope();
        using var second = provider.CreateScope();

        first.ServiceProvider.GetRequiredService<IDataPulseClient>()
            .Should().BeSameAs(second.ServiceProvider.GetRequiredService<IDataPulseClient>());
    }

    [Fact]
    public async Task AddDataPulse_BaseAddressWithPathPrefix_KeepsThePrefix()
    {
        _api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/proxy" + CannedResponses.KpisPath).UsingGet())
            .RespondWith(CannedResponses.Json(200, CannedResponses.KpisJson, CannedResponses.TraceId));
        var services = new ServiceCollection();
        services.AddDataPulse(options =>
        {
            Configure(options);
            options.BaseAddress = new Uri(_api.BaseAddress, "/proxy");
        });
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        _api.SingleRequest().RequestMessage.Path.Should().Be("/proxy" + CannedResponses.KpisPath);
    }

    [Fact]
    public async Task HttpClientBuilder_AddedHandler_RunsOncePerAttemptWithTheSdkChainOutside()
    {
        CannedResponses.KpisFailThenSucceed(_api.Server, 503);
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddDataPulse(Configure).HttpClientBuilder.AddHttpMessageHandler(() => recorder);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        recorder.Statuses.Should().Equal(503, 200);
        recorder.SawAuthorization.Should().BeTrue();
    }

    [Fact]
    public async Task RequestOptions_TravelOnTheRequestOnlyForACallThatHasThem()
    {
        CannedResponses.Kpis(_api.Server);
        var recorder = new OptionsRecordingHandler();
        var services = new ServiceCollection();
        services.AddDataPulse(Configure).HttpClientBuilder.AddHttpMessageHandler(() => recorder);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDataPulseClient>();

        await client.Analytics.GetKpiSummaryAsync();
        await client.Analytics.GetKpiSummaryAsync(null, null, new DataPulseRequestOptions { MaxRetries = 1 });

        recorder.Keys[0].Should().NotContain(CallHandler.RequestOptionsOption, "a call without options of its own adds no entry to Refit's options");
        recorder.Keys[1].Should().Contain(CallHandler.RequestOptionsOption);
    }

    [Fact]
    public async Task AddDataPulse_CalledTwiceForOneName_BuildsOneHandlerChain()
    {
        CannedResponses.Kpis(_api.Server);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging());
        services.AddDataPulse(Configure);
        services.AddDataPulse(options => options.ApplicationId = "second-call/1.0");
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Name == "OperationSucceeded").Should().ContainSingle();
        _api.SingleRequest().RequestMessage.Headers!["User-Agent"].Single().Should().EndWith("second-call/1.0");
    }

    [Fact]
    public void Builder_ExposesNameServicesAndHttpClientBuilder()
    {
        var services = new ServiceCollection();

        var builder = services.AddDataPulse("tenant-a", Configure);

        builder.Name.Should().Be("tenant-a");
        builder.Services.Should().BeSameAs(services);
        builder.HttpClientBuilder.Name.Should().Be("DataPulse:tenant-a");
    }

    [Fact]
    public void Factory_UnknownName_ThrowsNamingTheRegistration()
    {
        var services = new ServiceCollection();
        services.AddDataPulse(Configure);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IDataPulseClientFactory>().Create("nobody");

        act.Should().Throw<InvalidOperationException>().WithMessage("*'nobody'*AddDataPulse(\"nobody\"*");
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<int> Statuses { get; } = [];

        public bool SawAuthorization { get; private set; } = true;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            SawAuthorization &= request.Headers.Authorization is not null;
            var response = await base.SendAsync(request, cancellationToken);
            Statuses.Add((int)response.StatusCode);
            return response;
        }
    }

    private sealed class OptionsRecordingHandler : DelegatingHandler
    {
        public List<string[]> Keys { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Keys.Add([.. ((IDictionary<string, object?>)request.Options).Keys]);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
