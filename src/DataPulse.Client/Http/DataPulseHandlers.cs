using DataPulse.Client.Resilience;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.Http;

/// <summary>
/// The SDK's handler chain, outermost first: error mapping (sees only the final answer), resilience (retries and
/// timeouts), authentication (once per attempt), then the transport.
/// </summary>
internal static class DataPulseHandlers
{
    public static ErrorMappingHandler CreateErrorMapping(DataPulseClientOptions options, ApiKeyProvider keyProvider) =>
        new(keyProvider, options.TimeProvider);

    public static ResilienceHandler CreateResilience(DataPulseClientOptions options, ILogger logger) =>
        new(DataPulseResiliencePipeline.Build(options, logger), options.TimeProvider, options.Timeout);

    public static AuthenticationHandler CreateAuthentication(DataPulseClientOptions options, ApiKeyProvider keyProvider) =>
        new(keyProvider, UserAgent.Build(options.ApplicationId));

    public static HttpMessageHandler CreateChain(DataPulseClientOptions options, ApiKeyProvider keyProvider, ILogger logger, HttpMessageHandler transport)
    {
        var authentication = CreateAuthentication(options, keyProvider);
        authentication.InnerHandler = transport;
        var resilience = CreateResilience(options, logger);
        resilience.InnerHandler = authentication;
        var errors = CreateErrorMapping(options, keyProvider);
        errors.InnerHandler = resilience;
        return errors;
    }
}
