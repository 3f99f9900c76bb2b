// DataPulse.Client in a generic host: AddDataPulse reads the "DataPulse" configuration section (appsettings.json, then
// environment variables such as DataPulse__ApiKey, then the command line) and a worker receives the resource clients
// by injection. With no key configured it runs against the in-process sandbox. Ctrl+C stops it cleanly;
// --DataPulseSample:Iterations=2 makes it stop by itself.
using DataPulse.Client.Testing;
using DataPulse.Samples.DependencyInjection;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// appsettings.json is read from the content root: make it the output folder, not the directory `dotnet run` starts in.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// The other samples read DATAPULSE_API_KEY and DATAPULSE_BASE_URL. Honour them too, below every other source, so a
// DataPulse:ApiKey set anywhere else wins.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["DataPulse:ApiKey"] = Environment.GetEnvironmentVariable("DATAPULSE_API_KEY"),
        ["DataPulse:BaseAddress"] = Environment.GetEnvironmentVariable("DATAPULSE_BASE_URL"),
    }.Where(setting => !string.IsNullOrWhiteSpace(setting.Value)),
});

builder.Services.AddDataPulse(builder.Configuration.GetSection("DataPulse"));

var useSandbox = string.IsNullOrWhiteSpace(builder.Configuration["DataPulse:ApiKey"]);
if (useSandbox)
{
    // No key: point the client at an in-process sandbox (DataPulse.Client.Testing), its key, address, clock and
    // rate-limit state; the rest of the DataPulse section still applies. The container starts it (resolved below, to log
    // where it listens) and, having started it, stops it when the host stops.
    builder.Services.AddDataPulseSandbox();
}

builder.Services.AddOptions<SampleOptions>()
    .Bind(builder.Configuration.GetSection(SampleOptions.SectionName))
    .Validate(sample => sample.Interval > TimeSpan.Zero && sample.Iterations >= 0,
        $"{SampleOptions.SectionName}: Interval must be positive and Iterations 0 (until Ctrl+C) or more.")
    .ValidateOnStart();
builder.Services.AddHostedService<DataPulseWorker>();

var host = builder.Build();
if (host.Services.GetService<DataPulseSandbox>() is { } sandbox)
{
    host.Services.GetRequiredService<ILogger<Program>>().UsingSandbox(sandbox.BaseAddress);
}

try
{
    // Runs until Ctrl+C (or the worker's StopApplication), then stops the worker and disposes the host.
    await host.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // Validation on start lists every problem at once; the host's loggers are gone by now.
    Console.Error.WriteLine($"Invalid configuration: {string.Join(" ", ex.Failures)}");
    return 1;
}
