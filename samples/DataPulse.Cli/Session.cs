using DataPulse.Cli.Errors;
using DataPulse.Client;
using DataPulse.Client.Testing;

namespace DataPulse.Cli;

/// <summary>A client for the real API (DATAPULSE_API_KEY, DATAPULSE_BASE_URL) or for a sandbox started for this run.</summary>
internal sealed class Session : IAsyncDisposable
{
    private readonly DataPulseSandbox? _sandbox;

    private Session(DataPulseClient client, DataPulseSandbox? sandbox)
    {
        Client = client;
        _sandbox = sandbox;
    }

    public DataPulseClient Client { get; }

    public static Session Open(DataPulseSettings settings)
    {
        var apiKey = Environment.GetEnvironmentVariable("DATAPULSE_API_KEY");
        if (settings.Sandbox || string.IsNullOrWhiteSpace(apiKey))
        {
            var sandbox = DataPulseSandbox.Start();
            // On stderr, so that stdout holds nothing but the command's output.
            StandardError.WriteNotice($"Using the local sandbox at {sandbox.BaseAddress}", settings.Json);
            return new Session(sandbox.CreateClient(), sandbox);
        }

        var baseUrl = Environment.GetEnvironmentVariable("DATAPULSE_BASE_URL");
        return new Session(
            new DataPulseClient(new DataPulseClientOptions
            {
                ApiKey = apiKey,
                BaseAddress = string.IsNullOrWhiteSpace(baseUrl) ? DataPulseClientOptions.ProductionBaseAddress : new Uri(baseUrl),
                ApplicationId = "datapulse-cli",
            }),
            sandbox: null);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}
