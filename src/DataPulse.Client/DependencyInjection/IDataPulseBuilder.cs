namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <c>AddDataPulse</c> registered: the client's name, the service collection and the <see cref="IHttpClientBuilder"/>
/// of its HTTP client, so you can add handlers of your own or replace the primary handler (a proxy, certificates).
/// </summary>
/// <remarks>
/// Handlers you add run inside the SDK's chain, once per attempt, after the <c>Authorization</c> header was set: do not
/// log that header from them.
/// </remarks>
public interface IDataPulseBuilder
{
    /// <summary>The client's name: empty for the default client, else the name given to <c>AddDataPulse</c>. Also the name of its options.</summary>
    string Name { get; }

    /// <summary>The service collection the client is registered in.</summary>
    IServiceCollection Services { get; }

    /// <summary>The builder of the client's <see cref="HttpClient"/>, managed by <see cref="System.Net.Http.IHttpClientFactory"/>.</summary>
    IHttpClientBuilder HttpClientBuilder { get; }
}
