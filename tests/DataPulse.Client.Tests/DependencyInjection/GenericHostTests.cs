using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DataPulse.Client.Tests.DependencyInjection;

/// <summary>The "done when": a generic-host app configured only through appsettings.json calls DataPulse through the container.</summary>
public sealed class GenericHostTests : IDisposable, IClassFixture<ApiServer>
{
    private readonly ApiServer _api;
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("datapulse-host-").FullName;

    public GenericHostTests(ApiServer api) => _api = api.Reset();

    public void Dispose()
    {
        Directory.Delete(_contentRoot, recursive: true);
    }

    private IHost BuildHost(Action<HostApplicationBuilder>? configure = null)
    {
        File.WriteAllText(Path.Combine(_contentRoot, "appsettings.json"), $$"""
            {
              "DataPulse": {
                "ApiKey": "{{ApiServer.ApiKey}}",
                "BaseAddress": "{{_api.BaseAddress}}",
                "RetryBaseDelay": "00:00:00"
              }
            }
            """);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot, Args = [] });
        builder.Services.AddDataPulse(builder.Configuration.GetSection(DataPulseClientOptions.ConfigurationSectionName));
        configure?.Invoke(builder);
        return builder.Build();
    }

    [Fact]
    public async Task HostConfiguredFromAppSettings_CallsTheApiThroughTheContainer()
    {
        CannedResponses.Kpis(_api.Server);
        using var host = BuildHost();
        await host.StartAsync();

        var kpis = await host.Services.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        kpis.ActiveUsers.Should().Be(18420);
        _api.SingleRequest().RequestMessage.Headers!["Authorization"].Should().Equal($"Bearer {ApiServer.ApiKey}");
        await host.StopAsync();
    }

    [Fact]
    public async Task HostLogging_ReceivesTheSdkLogs()
    {
        CannedResponses.Kpis(_api.Server);
        using var host = BuildHost(builder => builder.Logging.ClearProviders().AddFakeLogging());
        await host.StartAsync();

        await host.Services.GetRequiredService<IDataPulseClient>().Analytics.GetKpiSummaryAsync();

        host.Services.GetFakeLogCollector().GetSnapshot()
            .Should().Contain(r => r.Category == "DataPulse.Client" && r.Id.Name == "OperationSucceeded");
        await host.StopAsync();
    }
}
