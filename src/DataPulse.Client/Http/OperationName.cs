using System.Collections.Concurrent;
using Refit;

namespace DataPulse.Client.Http;

/// <summary>
/// Names the operation behind a request (<c>Customers.Get</c>) from what Refit's generated code records on it:
/// the internal interface (<c>ICustomersApi</c>) and the method name.
/// </summary>
internal static class OperationName
{
    private static readonly HttpRequestOptionsKey<Type> InterfaceKey = new(HttpRequestMessageOptions.InterfaceType);
    private static readonly HttpRequestOptionsKey<string> MethodKey = new(HttpRequestMessageOptions.MethodName);

    // A handful of entries (one per Refit method), built once: naming an operation costs no allocation per call.
    private static readonly ConcurrentDictionary<(Type Api, string Method), string> Names = new();

    public static string Of(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(MethodKey, out var method) && request.Options.TryGetValue(InterfaceKey, out var api))
        {
            return For(api, method);
        }

        return $"{request.Method} {request.RequestUri?.AbsolutePath}";
    }

    /// <summary>The name of a Refit method, for code that names an operation before (or without) a request.</summary>
    public static string For(Type api, string method) =>
        Names.GetOrAdd((api, method), static key => string.Concat(ResourceOf(key.Api.Name), ".", key.Method));

    private static string ResourceOf(string interfaceName)
    {
        // ICustomersApi -> Customers
        var name = interfaceName.AsSpan();
        if (name.StartsWith("I"))
        {
            name = name[1..];
        }

        if (name.EndsWith("Api"))
        {
            name = name[..^3];
        }

        return name.ToString();
    }
}
