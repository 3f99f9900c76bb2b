using Microsoft.Extensions.Http;

namespace DataPulse.Client.DependencyInjection;

/// <summary>
/// Takes retry and timeout handlers that were added to every named client (typically by the service defaults'
/// <c>ConfigureHttpClientDefaults(h => h.AddStandardResilienceHandler())</c>) off DataPulse's clients, after every other
/// configuration has run: a second retry layer would multiply attempts, and its timeouts would cut the SDK's
/// <c>Retry-After</c> waits and deadlines. Recognised by type name, so the core package needs no reference to them.
/// </summary>
internal sealed class ForeignResilienceFilter(IEnumerable<DataPulseClientRegistration> registrations) : IHttpMessageHandlerBuilderFilter
{
    private static readonly string[] RetryHandlerTypes =
    [
        "Microsoft.Extensions.Http.Resilience.ResilienceHandler",
        "Microsoft.Extensions.Http.PolicyHttpMessageHandler",
    ];

    private readonly HashSet<string> _names = new(registrations.Select(r => r.HttpClientName), StringComparer.Ordinal);

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is { } name && _names.Contains(name))
        {
            for (var i = builder.AdditionalHandlers.Count - 1; i >= 0; i--)
            {
                if (IsRetryHandler(builder.AdditionalHandlers[i].GetType()))
                {
                    builder.AdditionalHandlers.RemoveAt(i);
                }
            }
        }
    };

    private static bool IsRetryHandler(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (Array.IndexOf(RetryHandlerTypes, type.FullName) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
