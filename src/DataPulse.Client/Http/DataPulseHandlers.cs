using DataPulse.Client.Internal;
using DataPulse.Client.Resilience;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.Http;

/// <summary>
/// The SDK's handler chain, outermost first: telemetry (one log entry, span and measurement per operation), error
/// mapping (sees only the final answer), resilience (retries and timeouts), authentication (once per attempt), then the
/// transport. The direct constructors and dependency injection build the same chain from these methods.
/// </summary>
internal static class DataPulseHandlers
{
    public static TelemetryHandler CreateTelemetry(DataPulseClientOptions options, ApiKeyProvider keyProvider, ILogger logger, DataPulseMetrics metrics) =>
        new(logger, metrics, keyProvider, options.TimeProvider, options.LogBodies);

    public static ErrorMappingHandler CreateErrorMapping(DataPulseClientOptions options, ApiKeyProvider keyProvider) =>
        new(keyProvider, options.TimeProvider);

    public static ResilienceHandler CreateResilience(DataPulseClientOptions options, ILogger logger) =>
        new(DataPulseResiliencePipeline.Build(options, logger), options.TimeProvider, options.Timeout);

    public static AuthenticationHandler CreateAuthentication(DataPulseClientOptions options, ApiKeyProvider keyProvider) =>
        new(keyProvider, UserAgent.Build(options.ApplicationId));

    public static HttpMessageHandler CreateChain(DataPulseClientOptions options, ApiKeyProvider keyProvider, ILogger logger, HttpMessageHandler transport) =>
        CreateChain(options, keyProvider, logger, DataPulseMetrics.Default, transport);

    public static HttpMessageHandler CreateChain(
        DataPulseClientOptions options, ApiKeyProvider keyProvider, ILogger logger, DataPulseMetrics metrics, HttpMessageHandler transport)
    {
        var authentication = CreateAuthentication(options, keyProvider);
        authentication.InnerHandler = transport;
        var resilience = CreateResilience(options, logger);
        resilience.InnerHandler = authentication;
        var errors = CreateErrorMapping(options, keyProvider);
        errors.InnerHandler = resilience;
        var telemetry = CreateTelemetry(options, keyProvider, logger, metrics);
        telemetry.InnerHandler = errors;
        return telemetry;
    }
}
