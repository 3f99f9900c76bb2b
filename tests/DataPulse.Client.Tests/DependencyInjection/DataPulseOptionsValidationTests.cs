using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataPulse.Client.Tests.DependencyInjection;

public sealed class DataPulseOptionsValidationTests
{
    private const string Key = "dp_test_sk_abcdefghijklmnopqrstuvwxyz0123";

    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        // setting, configuration value, text the failure must contain
        { "ApiKey", "", "ApiKey is required" },
        { "BaseAddress", "http://api.datapulse.io", "BaseAddress must use https://" },
        { "BaseAddress", "ftp://api.datapulse.io", "BaseAddress must be an https:// address" },
        { "BaseAddress", "/v1", "BaseAddress must be an absolute" },
        { "Timeout", "2.00:00:00", "Timeout must be more than zero" },
        { "AttemptTimeout", "00:00:00", "AttemptTimeout must be more than zero" },
        { "MaxRetries", "11", "MaxRetries must be from 0 to 10" },
        { "MaxRetries", "-1", "MaxRetries must be from 0 to 10" },
        { "MaxRetryAfter", "-00:00:01", "MaxRetryAfter must be from zero" },
        { "RetryBaseDelay", "00:01:00", "RetryBaseDelay must be from zero" },
        { "ApplicationId", "has spaces", "ApplicationId may hold only" },
    };

    private static HostApplicationBuilder HostWith(string json)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddDataPulse(builder.Configuration.GetSection("DataPulse"));
        return builder;
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task HostStart_InvalidSetting_FailsNamingIt(string setting, string value, string expected)
    {
        var apiKey = setting == "ApiKey" ? value : Key;
        var extra = setting == "ApiKey" ? string.Empty : $", \"{setting}\": \"{value}\"";
        using var host = HostWith($$"""{ "DataPulse": { "ApiKey": "{{apiKey}}"{{extra}} } }""").Build();

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task HostStart_AttemptTimeoutLongerThanTimeout_Fails()
    {
        using var host = HostWith($$"""{ "DataPulse": { "ApiKey": "{{Key}}", "Timeout": "00:00:10", "AttemptTimeout": "00:00:20" } }""").Build();

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("must not be longer than Timeout");
    }

    [Fact]
    public async Task HostStart_SeveralProblems_AllListedInOneException()
    {
        using var host = HostWith("""{ "DataPulse": { "BaseAddress": "http://api.datapulse.io", "MaxRetries": "50", "Timeout": "00:00:00" } }""").Build();

        var act = () => host.StartAsync();

        var exception = (await act.Should().ThrowAsync<OptionsValidationException>()).Which;
        exception.Failures.Should().HaveCount(4);
        exception.Message.Should().Contain("ApiKey is required").And.Contain("BaseAddress must use https://")
            .And.Contain("Timeout must be more than zero").And.Contain("MaxRetries must be from 0 to 10");
    }

    [Fact]
    public async Task HostStart_ValidOptions_Starts()
    {
        using var host = HostWith($$"""{ "DataPulse": { "ApiKey": "{{Key}}" } }""").Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void NamedClient_InvalidOptions_FailureNamesTheClient()
    {
        var services = new ServiceCollection();
        services.AddDataPulse("tenant-b", options => options.MaxRetries = 99);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IDataPulseClientFactory>().Create("tenant-b");

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().OnlyContain(f => f.StartsWith("DataPulse client 'tenant-b': ", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolution_WithoutHostStart_StillValidates()
    {
        var services = new ServiceCollection();
        services.AddDataPulse(options => options.ApiKey = " ");
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IDataPulseClient>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*ApiKey is required*");
    }
}
