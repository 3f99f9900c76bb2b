namespace DataPulse.Client.Http;

/// <summary>
/// Sends through a caller's own <see cref="HttpClient"/> (its proxy, handlers and certificates), so the SDK's
/// authentication, retries and error mapping still apply. The caller keeps ownership of the client.
/// </summary>
internal sealed class CallerHttpClientHandler(HttpClient client) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient refuses a message it has already sent, and a retry sends the same message again: send a copy.
        // The copy shares the content, so it is not disposed here; the original's owner disposes the content.
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        // The caller owns the client: it is deliberately not disposed here.
        base.Dispose(disposing);
    }
}
