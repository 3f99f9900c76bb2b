using DataPulse.Client.Http;
using DataPulse.Client.Pipeline;
using DataPulse.Client.RateLimiting;
using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataPulse.Client.DependencyInjection;

/// <summary>
/// Builds one <see cref="DataPulseClient"/> per registered name, on first use, and keeps it for the container's
/// lifetime, on the same call path as a directly built client (<see cref="CallPipeline"/>); its transport is
/// <see cref="IHttpMessageHandlerFactory"/>'s chain, taken per attempt, so it stays pooled and rotated while the facade
/// and its Refit clients are built only once.
/// </summary>
internal sealed class DataPulseClientFactory : IDataPulseClientFactory, IDisposable
{
    private readonly IHttpMessageHandlerFactory _handlerFactory;
    private readonly IOptionsMonitor<DataPulseClientOptions> _options;
    private readonly ILogger _logger;
    private readonly DataPulseMetrics _metrics;
    private readonly Dictionary<string, DataPulseClientRegistration> _registrations;
    private readonly Dictionary<string, (DataPulseClient Client, HttpClient Http)> _clients = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    // This container's windows, pauses and retry budgets: another container in the process never sees them.
    private readonly RateLimitRegistry _rateLimits = new();
    private bool _disposed;

    public DataPulseClientFactory(
        IHttpMessageHandlerFactory handlerFactory,
        IOptionsMonitor<DataPulseClientOptions> options,
        IEnumerable<DataPulseClientRegistration> registrations,
        ILoggerFactory? loggerFactory,
        DataPulseMetrics metrics)
    {
        _handlerFactory = handlerFactory;
        _options = options;
        _metrics = metrics;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(DataPulseTelemetry.Name);
        _registrations = new Dictionary<string, DataPulseClientRegistration>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            _registrations[registration.Name] = registration;
        }
    }

    public IDataPulseClient Create(string name) => Get(name);

    public DataPulseClient Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_registrations.TryGetValue(name, out var registration))
        {
            throw new InvalidOperationException(name.Length == 0
                ? "No default DataPulse client is registered: call services.AddDataPulse(...) without a name."
                : $"No DataPulse client named '{name}' is registered: call services.AddDataPulse(\"{name}\", ...).");
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_clients.TryGetValue(name, out var existing))
            {
                return existing.Client;
            }

            // Throws OptionsValidationException, listing every problem, when the options are invalid.
            var options = _options.Get(name);
            DataPulseClient.WarnOnUnknownKeyPrefix(options.ApiKey!, _logger);
            var http = CallPipeline.Create(
                options, KeyProvider(name), _logger, _metrics, new Transport.Factory(_handlerFactory, registration.HttpClientName), _rateLimits);
            var client = DataPulseClient.ForPipeline(http, options);
            _clients.Add(name, (client, http));
            return client;
        }
    }

    private ApiKeyProvider KeyProvider(string name) => new(() =>
    {
        try
        {
            // Read on every attempt: a key reloaded through configuration applies to the next request.
            return _options.Get(name).ApiKey;
        }
        catch (OptionsValidationException)
        {
            // The reloaded options are invalid: send nothing rather than a stale key.
            return null;
        }
    });

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var (_, http) in _clients.Values)
            {
                http.Dispose();
            }

            _clients.Clear();
        }
    }
}
