using DataPulse.Client.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataPulse.Client.DependencyInjection;

/// <summary>
/// Builds one <see cref="DataPulseClient"/> per registered name, on first use, and keeps it for the container's
/// lifetime. Each sends through <see cref="FactoryHandlerForwarder"/>, so the handler chain stays pooled and rotated by
/// <see cref="IHttpMessageHandlerFactory"/>, while the facade and its Refit clients are built only once.
/// </summary>
internal sealed class DataPulseClientFactory : IDataPulseClientFactory, IDisposable
{
    private readonly IHttpMessageHandlerFactory _handlerFactory;
    private readonly IOptionsMonitor<DataPulseClientOptions> _options;
    private readonly ILogger _logger;
    private readonly Dictionary<string, DataPulseClientRegistration> _registrations;
    private readonly Dictionary<string, (DataPulseClient Client, HttpClient Http)> _clients = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _disposed;

    public DataPulseClientFactory(
        IHttpMessageHandlerFactory handlerFactory,
        IOptionsMonitor<DataPulseClientOptions> options,
        IEnumerable<DataPulseClientRegistration> registrations,
        ILoggerFactory? loggerFactory)
    {
        _handlerFactory = handlerFactory;
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(Internal.DataPulseTelemetry.Name);
        _registrations = new Dictionary<string, DataPulseClientRegistration>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            _registrations[registration.Name] = registration;
        }
    }

    public IDataPulseClient Create(string name) => Get(name);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "The factory owns one HttpClient per name, over IHttpMessageHandlerFactory's pooled handlers, disposed with the factory.")]
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
            var http = new HttpClient(new FactoryHandlerForwarder(_handlerFactory, registration.HttpClientName), disposeHandler: true)
            {
                BaseAddress = TransportSecurity.Normalize(options.BaseAddress),
                // The pipeline's own overall timeout governs; HttpClient's must never cut a Retry-After wait short.
                Timeout = Timeout.InfiniteTimeSpan,
            };
            var client = DataPulseClient.ForConfiguredClient(http, options);
            _clients.Add(name, (client, http));
            return client;
        }
    }

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
