using DataPulse.Client;
using DataPulse.Client.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the default DataPulse client (<c>AddDataPulse</c>) on an in-process <see cref="DataPulseSandbox"/>: for a test
/// host (<c>WebApplicationFactory</c>, the generic host) or a web app in Development. The client from the container then
/// calls the sandbox with its key, on its clock, and shares its rate-limit state, which <see cref="DataPulseSandbox.Reset"/>
/// clears. The sandbox itself is registered too, so a test or the app can resolve it and arm scenarios.
/// </summary>
/// <remarks>
/// <para>
/// Registered after the app's own <c>AddDataPulse(configuration)</c> (as <c>ConfigureTestServices</c> runs), the sandbox's
/// key and address replace the configured ones; the other settings stay. A <see cref="TimeProvider"/> registered in the
/// container drives the client's waits only while the sandbox runs on the system clock (the rule of <c>AddDataPulse</c>):
/// give the sandbox your fake clock (<see cref="DataPulseSandboxOptions.TimeProvider"/>) to drive both.
/// </para>
/// <para>
/// This is the in-process sandbox of this package, not the DataPulse-hosted one (<c>Environment: Sandbox</c>, which is
/// the real service at <c>https://sandbox.datapulse.io</c> with a <c>dp_test_sk_</c> key of yours).
/// </para>
/// </remarks>
public static class DataPulseSandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default DataPulse client on <paramref name="sandbox"/>, which you started and dispose (a test
    /// fixture's, shared by the tests of a class and <see cref="DataPulseSandbox.Reset"/> between them).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="sandbox">The sandbox the client calls; the container does not dispose it.</param>
    /// <param name="configure">Further changes to the client's options, applied after the sandbox's, for example <c>o =&gt; o.MaxRetries = 0</c>.</param>
    /// <returns>The builder <c>AddDataPulse</c> returns, to add handlers of your own.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="sandbox"/> is null.</exception>
    public static IDataPulseBuilder AddDataPulseSandbox(
        this IServiceCollection services, DataPulseSandbox sandbox, Action<DataPulseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sandbox);

        // An instance: the container hands it out but leaves disposing it to the caller. The last one registered is the one used.
        services.AddSingleton(sandbox);
        return AddClient(services, configure);
    }

    /// <summary>
    /// Registers the default DataPulse client on a sandbox of the container's own: started when the client (or the sandbox)
    /// is first needed, at the latest when the host starts (the options are validated then), and stopped with the container.
    /// For a web app in Development, or a test host that needs no sandbox of the test's.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configureSandbox">Settings for the sandbox (keys, rate limits, clock); null for the defaults.</param>
    /// <param name="configure">Further changes to the client's options, applied after the sandbox's.</param>
    /// <returns>The builder <c>AddDataPulse</c> returns, to add handlers of your own.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>A sandbox registered later with <see cref="AddDataPulseSandbox(IServiceCollection, DataPulseSandbox, Action{DataPulseClientOptions}?)"/>
    /// (a test's) takes its place; this one is then never started.</remarks>
    public static IDataPulseBuilder AddDataPulseSandbox(
        this IServiceCollection services, Action<DataPulseSandboxOptions>? configureSandbox = null, Action<DataPulseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // A factory: the container created it, so the container disposes it (and stops the server) with itself.
        services.TryAddSingleton(_ =>
        {
            var options = new DataPulseSandboxOptions();
            configureSandbox?.Invoke(options);
            return DataPulseSandbox.Start(options);
        });
        return AddClient(services, configure);
    }

    private static IDataPulseBuilder AddClient(IServiceCollection services, Action<DataPulseClientOptions>? configure)
    {
        var builder = services.AddDataPulse(static _ => { });

        // Resolved when the options are first built: the sandbox registered last, whichever call registered it.
        services.AddOptions<DataPulseClientOptions>(Options.Options.DefaultName)
            .Configure<DataPulseSandbox>(static (options, sandbox) => sandbox.ConfigureOptions(options));
        if (configure is not null)
        {
            services.Configure(Options.Options.DefaultName, configure);
        }

        return builder;
    }
}
