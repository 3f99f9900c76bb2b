namespace DataPulse.Client.Pipeline;

/// <summary>
/// Where the SDK's call path hands an attempt over to the network: the SDK's own <see cref="SocketsHttpHandler"/>, a
/// caller's <see cref="HttpClient"/>, or <see cref="IHttpMessageHandlerFactory"/>'s pooled handlers.
/// </summary>
internal abstract class Transport : IDisposable
{
    /// <summary>The message an attempt sends: the request itself, unless the transport cannot send one message twice.</summary>
    public virtual HttpRequestMessage Prepare(HttpRequestMessage request) => request;

    public abstract Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Sends through a handler: the SDK's own transport, or the factory's current chain.</summary>
    public sealed class Handler(HttpMessageHandler handler, bool ownsHandler) : Transport
    {
        private readonly HttpMessageInvoker _invoker = new(handler, disposeHandler: ownsHandler);

        public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _invoker.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _invoker.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// Sends through <see cref="IHttpMessageHandlerFactory"/>'s chain for a name, taken afresh for every attempt, so the
    /// factory keeps pooling and rotating it (DNS refresh) while the SDK's client is built once.
    /// </summary>
    public sealed class Factory(IHttpMessageHandlerFactory factory, string name) : Transport
    {
        public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            // The invoker does not own the pooled chain: the factory disposes it once it expires and is no longer in use.
            new HttpMessageInvoker(factory.CreateHandler(name), disposeHandler: false).SendAsync(request, cancellationToken);
    }

    /// <summary>Sends through a caller's <see cref="HttpClient"/> (its proxy, handlers and certificates); the caller keeps it.</summary>
    public sealed class CallerClient(HttpClient client) : Transport
    {
        public override HttpRequestMessage Prepare(HttpRequestMessage request)
        {
            // An HttpClient refuses a message that was already sent (ours was, through the SDK's own client): each attempt
            // sends a fresh message sharing the body. Only the request's own headers exist yet; the SDK's are added to the copy.
            var copy = new HttpRequestMessage(request.Method, request.RequestUri)
            {
                Content = request.Content,
                Version = request.Version,
                VersionPolicy = request.VersionPolicy,
            };
            foreach (var header in request.Headers.NonValidated)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return copy;
        }

        public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
