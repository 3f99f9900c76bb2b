using System.Collections.Concurrent;
using DataPulse.Client.ContractCheck.Recording;
using DataPulse.Client.Testing;

namespace DataPulse.Client.ContractCheck.Cases;

/// <summary>
/// What one case works with: the sandbox behind its Prism (for scenario controls), clients that send through that Prism,
/// and the exchanges they recorded. Clients default to no retries, so a retry never covers a violation, and to bounded
/// time limits.
/// </summary>
internal sealed class CaseContext(DataPulseSandbox? sandbox, Uri proxy) : IDisposable
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private readonly List<IDisposable> _owned = [];

    /// <summary>The sandbox behind the case's Prism: arm scenarios, read what it received.</summary>
    /// <exception cref="InvalidOperationException">The case goes to the wrong-answer server.</exception>
    public DataPulseSandbox Sandbox => sandbox ?? throw new InvalidOperationException("This case's requests go to no sandbox.");

    /// <summary>Every exchange this case's clients made, in order.</summary>
    public IReadOnlyList<Exchange> Exchanges => _exchanges.ToArray();

    /// <summary>A real <see cref="DataPulseClient"/> that sends through the case's Prism.</summary>
    /// <param name="configure">Changes to the options after the check's defaults (no retries, 30 s limits).</param>
    public DataPulseClient Client(Action<DataPulseClientOptions>? configure = null)
    {
        var options = new DataPulseClientOptions
        {
            ApiKey = sandbox?.ApiKey ?? DataPulseSandbox.DefaultApiKey,
            BaseAddress = proxy,
            MaxRetries = 0,
            RetryBaseDelay = TimeSpan.Zero,
            Timeout = TimeSpan.FromSeconds(30),
            AttemptTimeout = TimeSpan.FromSeconds(20),
            ReportGenerationTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        var client = new DataPulseClient(Http(), options);
        _owned.Add(client);
        return client;
    }

    /// <summary>A plain <see cref="HttpClient"/> through the case's Prism, recorded like the SDK's, for requests the SDK
    /// would never send.</summary>
    public HttpClient Http()
    {
        var http = new HttpClient(new ExchangeRecorder(_exchanges))
        {
            BaseAddress = proxy,
            // The SDK's own deadlines (see Client) end its calls first; a raw request gets this one.
            Timeout = TimeSpan.FromSeconds(30),
        };
        _owned.Add(http);
        return http;
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }
    }
}
