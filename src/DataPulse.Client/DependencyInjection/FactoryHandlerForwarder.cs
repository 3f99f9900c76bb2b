namespace DataPulse.Client.DependencyInjection;

/// <summary>
/// Lets one long-lived <see cref="HttpClient"/> send through <see cref="IHttpMessageHandlerFactory"/>'s current handler
/// chain for a name, taken afresh for every request. The factory keeps pooling and rotating the chain (DNS refresh,
/// settings re-read when a chain is rebuilt), while the SDK's facade is built once per name instead of on every
/// resolution.
/// </summary>
internal sealed class FactoryHandlerForwarder(IHttpMessageHandlerFactory handlerFactory, string httpClientName) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The invoker does not own the pooled chain: the factory disposes it once it expires and is no longer in use.
        var invoker = new HttpMessageInvoker(handlerFactory.CreateHandler(httpClientName), disposeHandler: false);
        return invoker.SendAsync(request, cancellationToken);
    }
}
