using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataPulse.Client.Tests.DependencyInjection;

public sealed class ConfigurationBindingTests
{
    private const string Key = "dp_live_sk_abcdefghijklmnopqrstuvwxyz0123";

    private static DataPulseClientOptions Bind(IConfiguration configuration, string? name = null)
    {
        var services = new ServiceCollection();
        if (name is null)
        {
            services.AddDataPulse(configuration);
        }
        else
        {
            services.AddDataPulse(name, configuration);
        }

        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<DataPulseClientOptions>>().Get(name ?? Options.DefaultName);
    }

    private static IConfigurationSection InMemory(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("DataPulse:" + v.Key, v.Value)))
            .Build()
            .GetSection("DataPulse");

    [Fact]
    public void InMemoryConfiguration_SetsEverySetting()
    {
        var options = Bind(InMemory(
            ("ApiKey", Key), ("BaseAddress", "https://eu.datapulse.example/"), ("Timeout", "00:02:00"), ("AttemptTimeout", "00:00:20"),
            ("MaxRetries", "5"), ("MaxRetryAfter", "00:00:45"), ("RetryBaseDelay", "00:00:00.5"), ("ApplicationId", "billing/2.1"), ("LogBodies", "true"),
            ("ReportGenerationTimeout", "00:10:00"), ("DownloadIdleTimeout", "00:00:15")));

        options.ApiKey.Should().Be(Key);
        options.BaseAddress.Should().Be(new Uri("https://eu.datapulse.example/"));
        options.Timeout.Should().Be(TimeSpan.FromMinutes(2));
        options.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(20));
        options.MaxRetries.Should().Be(5);
        options.MaxRetryAfter.Should().Be(TimeSpan.FromSeconds(45));
        options.RetryBaseDelay.Should().Be(TimeSpan.FromMilliseconds(500));
        options.ApplicationId.Should().Be("billing/2.1");
        options.LogBodies.Should().BeTrue();
        options.ReportGenerationTimeout.Should().Be(TimeSpan.FromMinutes(10));
        options.DownloadIdleTimeout.Should().Be(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void InMemoryConfiguration_SetsTheBufferAndRateLimitSettings()
    {
        var options = Bind(InMemory(
            ("ApiKey", Key), ("MaxResponseBufferSize", "2048"), ("RateLimitPacing", "false"),
            ("RetryBudget:Enabled", "false"), ("RetryBudget:MaxTokens", "40"), ("RetryBudget:TokenRatio", "0.25")));

        options.MaxResponseBufferSize.Should().Be(2048);
        options.RateLimitPacing.Should().BeFalse();
        options.RetryBudget.Enabled.Should().BeFalse();
        options.RetryBudget.MaxTokens.Should().Be(40);
        options.RetryBudget.TokenRatio.Should().Be(0.25);
        options.ConfigurationProblems.Should().BeNull();
    }

    [Fact]
    public void UnreadableBufferAndRateLimitValues_FailValidationNamingEachKey()
    {
        var act = () => Bind(InMemory(("ApiKey", Key), ("RateLimitPacing", "maybe"), ("RetryBudget:TokenRatio", "lots"), ("MaxResponseBufferSize", "big")));

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().HaveCount(3);
        failures.Should().Contain(f => f.Contains("DataPulse:RateLimitPacing", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("DataPulse:RetryBudget:TokenRatio", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("DataPulse:MaxResponseBufferSize", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonConfiguration_SetsEverySetting()
    {
        const string json = $$"""
            { "DataPulse": { "apiKey": "{{Key}}", "baseAddress": "https://eu.datapulse.example", "timeout": "00:01:30",
                             "attemptTimeout": "00:00:10", "maxRetries": 2, "maxRetryAfter": "00:00:05",
                             "retryBaseDelay": "00:00:02", "applicationId": "ops-bot", "logBodies": false } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var options = Bind(configuration.GetSection("DataPulse"));

        options.ApiKey.Should().Be(Key);
        options.BaseAddress.Should().Be(new Uri("https://eu.datapulse.example"));
        options.Timeout.Should().Be(TimeSpan.FromSeconds(90));
        options.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(10));
        options.MaxRetries.Should().Be(2);
        options.MaxRetryAfter.Should().Be(TimeSpan.FromSeconds(5));
        options.RetryBaseDelay.Should().Be(TimeSpan.FromSeconds(2));
        options.ApplicationId.Should().Be("ops-bot");
        options.LogBodies.Should().BeFalse();
    }

    [Fact]
    public void AbsentKeys_KeepTheDefaults()
    {
        var options = Bind(InMemory(("ApiKey", Key)));

        options.BaseAddress.Should().Be(DataPulseClientOptions.ProductionBaseAddress);
        options.Timeout.Should().Be(new DataPulseClientOptions().Timeout);
        options.MaxRetries.Should().Be(new DataPulseClientOptions().MaxRetries);
        options.LogBodies.Should().BeFalse();
    }

    [Fact]
    public void EnvironmentSandbox_SelectsTheSandboxAddress()
    {
        var options = Bind(InMemory(("ApiKey", Key), ("Environment", "sandbox")));

        options.BaseAddress.Should().Be(DataPulseClientOptions.SandboxBaseAddress);
    }

    [Fact]
    public void NamedClient_BindsItsOwnSection()
    {
        var options = Bind(InMemory(("ApiKey", Key), ("MaxRetries", "7")), name: "tenant-a");

        options.MaxRetries.Should().Be(7);
    }

    [Fact]
    public void UnreadableValues_FailValidationNamingEachKeyWithoutQuotingValues()
    {
        var act = () => Bind(InMemory(("ApiKey", Key), ("Timeout", "soon-ish"), ("MaxRetries", "many"), ("LogBodies", "maybe")));

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().HaveCount(3);
        failures.Should().Contain(f => f.Contains("DataPulse:Timeout", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("DataPulse:MaxRetries", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("DataPulse:LogBodies", StringComparison.Ordinal));
        string.Join(" ", failures).Should().NotContain("soon-ish").And.NotContain("many").And.NotContain("maybe");
    }

    [Fact]
    public void EnvironmentAndBaseAddressTogether_FailValidation()
    {
        var act = () => Bind(InMemory(("ApiKey", Key), ("Environment", "Sandbox"), ("BaseAddress", "https://eu.datapulse.example")));

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain("set only one");
    }

    [Fact]
    public void Layered_EnvironmentInAppSettingsBaseAddressInDevelopment_TheBaseAddressWins()
    {
        // The usual layering: appsettings.json names the environment, appsettings.Development.json points at a local fake.
        var options = BindInHost(
            """{ "DataPulse": { "ApiKey": "dp_live_sk_abcdefghijklmnopqrstuvwxyz0123", "Environment": "Production" } }""",
            """{ "DataPulse": { "BaseAddress": "http://localhost:5080" } }""");

        options.BaseAddress.Should().Be(new Uri("http://localhost:5080"));
    }

    [Fact]
    public void Layered_BaseAddressInAppSettingsEnvironmentLater_TheEnvironmentWins()
    {
        var options = BindInHost(
            """{ "DataPulse": { "ApiKey": "dp_live_sk_abcdefghijklmnopqrstuvwxyz0123", "BaseAddress": "https://eu.datapulse.example" } }""",
            """{ "DataPulse": { "Environment": "Sandbox" } }""");

        options.BaseAddress.Should().Be(DataPulseClientOptions.SandboxBaseAddress);
    }

    [Fact]
    public void Layered_BothInTheLaterSource_FailValidationNamingThatSource()
    {
        var act = () => BindInHost(
            """{ "DataPulse": { "ApiKey": "dp_live_sk_abcdefghijklmnopqrstuvwxyz0123", "Environment": "Production" } }""",
            """{ "DataPulse": { "Environment": "Sandbox", "BaseAddress": "http://localhost:5080" } }""");

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain("DataPulse:Environment and DataPulse:BaseAddress are both set in one configuration source")
            .And.Contain("set only one");
    }

    [Fact]
    public void Layered_AWholeConfigurationPassed_TheLaterSourceWinsWithoutAContainer()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ApiKey", Key), new("Environment", "Sandbox")])
            .AddInMemoryCollection([new("BaseAddress", "https://eu.datapulse.example")])
            .Build();
        var options = new DataPulseClientOptions();

        Configuration.DataPulseConfigurationReader.Bind(configuration, options);

        options.BaseAddress.Should().Be(new Uri("https://eu.datapulse.example"));
        options.ConfigurationProblems.Should().BeNull();
    }

    /// <summary>Binds the DataPulse section as an application does: the host's configuration, JSON files in order.</summary>
    private static DataPulseClientOptions BindInHost(params string[] jsonFiles)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        foreach (var json in jsonFiles)
        {
            builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        builder.Services.AddDataPulse(builder.Configuration.GetSection("DataPulse"));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptionsMonitor<DataPulseClientOptions>>().Get(Options.DefaultName);
    }
}
