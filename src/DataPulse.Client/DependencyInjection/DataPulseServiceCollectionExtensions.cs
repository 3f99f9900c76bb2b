using System.Diagnostics.Metrics;
using DataPulse.Client;
using DataPulse.Client.Analytics;
using DataPulse.Client.Configuration;
using DataPulse.Client.Customers;
using DataPulse.Client.DependencyInjection;
using DataPulse.Client.Http;
using DataPulse.Client.Telemetry;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DataPulse clients in a service collection, on <see cref="System.Net.Http.IHttpClientFactory"/>.</summary>
/// <remarks>
/// <para>
/// The default client is resolvable as <see cref="IDataPulseClient"/>, <see cref="DataPulseClient"/>,
/// <see cref="IAnalyticsClient"/>, <see cref="ICustomersClient"/>, <see cref="IPredictionsClient"/> and
/// <see cref="IReportsClient"/>; a named client as the same services keyed by its name
/// (<c>[FromKeyedServices("tenant-a")] IDataPulseClient client</c>) and through <see cref="IDataPulseClientFactory"/>.
/// </para>
/// <para>
/// Lifetime: each client is a singleton per name, built on first use. It sends every request through the handler chain
/// <see cref="System.Net.Http.IHttpClientFactory"/> currently pools for it, so connections are pooled and the chain is
/// rotated (DNS changes, settings re-read) without building the client again. The API key is read from
/// <see cref="IOptionsMonitor{TOptions}"/> on every attempt, so a reloaded key applies to the next request; the base
/// address is read once, when the client is built.
/// </para>
/// <para>
/// Options are validated when the host starts (<c>ValidateOnStart</c>), and whenever they are read: one
/// <see cref="OptionsValidationException"/> lists every problem.
/// </para>
/// </remarks>
public static class DataPulseServiceCollectionExtensions
{
    /// <summary>Registers the default DataPulse client, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example <c>options => options.ApiKey = key</c>.</param>
    /// <returns>A builder to add handlers of your own to the client's <see cref="System.Net.Http.HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IDataPulseBuilder AddDataPulse(this IServiceCollection services, Action<DataPulseClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return Add(services, Options.Options.DefaultName, configure);
    }

    /// <summary>
    /// Registers the default DataPulse client, configured from a configuration section, usually
    /// <c>configuration.GetSection("DataPulse")</c>; reloading the configuration applies a changed key to the next request.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">
    /// The section to read: <c>ApiKey</c>, <c>BaseAddress</c> or <c>Environment</c> (<c>Production</c>, or <c>Sandbox</c> for
    /// the DataPulse-hosted <c>https://sandbox.datapulse.io</c>; when a later configuration source sets the other one, as
    /// appsettings.Development.json over appsettings.json does, the later one wins),
    /// <c>Timeout</c>, <c>AttemptTimeout</c>, <c>MaxRetries</c>, <c>MaxRetryAfter</c>, <c>RetryBaseDelay</c>, <c>ReportGenerationTimeout</c>, <c>DownloadIdleTimeout</c> (time spans as
    /// <c>hh:mm:ss</c>), <c>ApplicationId</c>, <c>LogBodies</c>, <c>MaxResponseBufferSize</c>, <c>RateLimitPacing</c> and
    /// <c>RetryBudget:Enabled</c>, <c>RetryBudget:MaxTokens</c>, <c>RetryBudget:TokenRatio</c>.
    /// </param>
    /// <returns>A builder to add handlers of your own to the client's <see cref="System.Net.Http.HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static IDataPulseBuilder AddDataPulse(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(services, Options.Options.DefaultName, configuration);
    }

    /// <summary>Registers a named DataPulse client (one account among several), configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, for keyed resolution and <see cref="IDataPulseClientFactory.Create(string)"/>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add handlers of your own to the client's <see cref="System.Net.Http.HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IDataPulseBuilder AddDataPulse(this IServiceCollection services, string name, Action<DataPulseClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Add(services, name, configure);
    }

    /// <summary>Registers a named DataPulse client (one account among several), configured from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, for keyed resolution and <see cref="IDataPulseClientFactory.Create(string)"/>.</param>
    /// <param name="configuration">The section to read; the same keys as <see cref="AddDataPulse(IServiceCollection, IConfiguration)"/>.</param>
    /// <returns>A builder to add handlers of your own to the client's <see cref="System.Net.Http.HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="configuration"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IDataPulseBuilder AddDataPulse(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(services, name, configuration);
    }

    private static DataPulseBuilder Add(IServiceCollection services, string name, Action<DataPulseClientOptions> configure)
    {
        var builder = AddCore(services, name);
        services.AddOptions<DataPulseClientOptions>(name).Configure(configure);
        return builder;
    }

    private static DataPulseBuilder Add(IServiceCollection services, string name, IConfiguration configuration)
    {
        var builder = AddCore(services, name);
        // The container's IConfiguration (the application's) tells which source set Environment and which BaseAddress.
        services.AddOptions<DataPulseClientOptions>(name).Configure<IServiceProvider>(
            (options, provider) => DataPulseConfigurationReader.Bind(configuration, options, provider.GetService<IConfiguration>()));
        services.AddSingleton<IOptionsChangeTokenSource<DataPulseClientOptions>>(new ConfigurationChangeTokenSource<DataPulseClientOptions>(name, configuration));
        return builder;
    }

    private static DataPulseBuilder AddCore(IServiceCollection services, string name)
    {
        var httpClientName = DataPulseClientRegistration.HttpClientNameFor(name);
        var httpClientBuilder = services.AddHttpClient(httpClientName);
        var builder = new DataPulseBuilder(name, services, httpClientBuilder);
        if (IsRegistered(services, name))
        {
            // A second call for the same name adds configuration only; the handlers must not be added twice.
            return builder;
        }

        services.AddSingleton(new DataPulseClientRegistration(name, httpClientName));
        AddShared(services);
        services.AddOptions<DataPulseClientOptions>(name).ValidateOnStart();
        ConfigureHttpClient(services, httpClientBuilder, httpClientName);

        if (name.Length == 0)
        {
            services.TryAddSingleton(static sp => Factory(sp).Get(Options.Options.DefaultName));
            services.TryAddSingleton<IDataPulseClient>(static sp => sp.GetRequiredService<DataPulseClient>());
            services.TryAddSingleton(static sp => sp.GetRequiredService<DataPulseClient>().Analytics);
            services.TryAddSingleton(static sp => sp.GetRequiredService<DataPulseClient>().Customers);
            services.TryAddSingleton(static sp => sp.GetRequiredService<DataPulseClient>().Predictions);
            services.TryAddSingleton(static sp => sp.GetRequiredService<DataPulseClient>().Reports);
        }
        else
        {
            services.AddKeyedSingleton(name, static (sp, key) => Factory(sp).Get((string)key!));
            services.AddKeyedSingleton<IDataPulseClient>(name, static (sp, key) => sp.GetRequiredKeyedService<DataPulseClient>(key));
            services.AddKeyedSingleton(name, static (sp, key) => sp.GetRequiredKeyedService<DataPulseClient>(key).Analytics);
            services.AddKeyedSingleton(name, static (sp, key) => sp.GetRequiredKeyedService<DataPulseClient>(key).Customers);
            services.AddKeyedSingleton(name, static (sp, key) => sp.GetRequiredKeyedService<DataPulseClient>(key).Predictions);
            services.AddKeyedSingleton(name, static (sp, key) => sp.GetRequiredKeyedService<DataPulseClient>(key).Reports);
        }

        return builder;
    }

    private static bool IsRegistered(IServiceCollection services, string name)
    {
        foreach (var descriptor in services)
        {
            if (!descriptor.IsKeyedService
                && descriptor.ServiceType == typeof(DataPulseClientRegistration)
                && descriptor.ImplementationInstance is DataPulseClientRegistration registration
                && registration.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton(static sp => new DataPulseClientFactory(
            sp.GetRequiredService<IHttpMessageHandlerFactory>(),
            sp.GetRequiredService<IOptionsMonitor<DataPulseClientOptions>>(),
            sp.GetServices<DataPulseClientRegistration>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<DataPulseMetrics>()));
        // Retry and timeout layers added to every client (ConfigureHttpClientDefaults(h => h.AddStandardResilienceHandler()),
        // the usual service defaults) are taken off DataPulse's clients: the SDK's own rules apply, exactly once.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ForeignResilienceFilter>(
            static sp => new ForeignResilienceFilter(sp.GetServices<DataPulseClientRegistration>())));
        services.TryAddSingleton<IDataPulseClientFactory>(static sp => sp.GetRequiredService<DataPulseClientFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DataPulseClientOptions>, DataPulseOptionsValidation>(
            static sp => new DataPulseOptionsValidation(sp.GetServices<DataPulseClientRegistration>())));

        // A clock registered in the container (a FakeTimeProvider in a test host, say) drives every client's waits,
        // unless the options chose a clock of their own.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<DataPulseClientOptions>, ContainerTimeProvider>(
            static sp => new ContainerTimeProvider(sp.GetService<TimeProvider>())));

        // Measurements go to the container's IMeterFactory when there is one (the generic host registers it), so they
        // are scoped to the container; otherwise to the SDK's static meter. Both meters are named DataPulse.Client.
        services.TryAddSingleton(static sp => sp.GetService<IMeterFactory>() is { } meterFactory
            ? new DataPulseMetrics(meterFactory.Create(new MeterOptions(DataPulseTelemetry.Name) { Version = UserAgent.SdkVersion }))
            : DataPulseMetrics.Default);
    }

    private static void ConfigureHttpClient(IServiceCollection services, IHttpClientBuilder httpClientBuilder, string httpClientName)
    {
        // The factory's chain is the transport only: the SDK's call path (telemetry, retries, deadlines, key, reading)
        // sits in front of it, built by CallPipeline exactly as for a directly constructed client. Handlers the caller adds
        // run inside it, once per attempt.
        httpClientBuilder.ConfigurePrimaryHttpMessageHandler(static () => PrimaryHandler.Create());

        // IHttpClientFactory's default logging writes request headers at Trace level, and hands their raw values to
        // structured log providers even when it redacts them in the message text: the bearer key would leak. The SDK's
        // telemetry logs every operation instead. Should a caller add the default logger back (AddDefaultLogger), the
        // header is at least redacted from the message text.
        httpClientBuilder.RemoveAllLoggers();
        services.Configure<HttpClientFactoryOptions>(httpClientName, options =>
        {
            var previous = options.ShouldRedactHeaderValue;
            options.ShouldRedactHeaderValue = header =>
                string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase) || (previous?.Invoke(header) ?? false);
        });
    }

    private static DataPulseClientFactory Factory(IServiceProvider services) => services.GetRequiredService<DataPulseClientFactory>();
}
