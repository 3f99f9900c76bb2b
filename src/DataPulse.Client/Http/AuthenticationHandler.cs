using System.Net.Http.Headers;

namespace DataPulse.Client.Http;

/// <summary>
/// Adds the bearer key, User-Agent and Accept headers to every attempt, and refuses to send the key anywhere but
/// HTTPS or a loopback host.
/// </summary>
internal sealed class AuthenticationHandler(ApiKeyProvider keyProvider, string userAgent) : DelegatingHandler
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || !TransportSecurity.IsAllowed(uri))
        {
            throw new DataPulseException(
                $"Refusing to send the DataPulse API key to '{request.RequestUri?.GetLeftPart(UriPartial.Authority)}': only https:// (or http:// to a loopback host) is allowed.",
                OperationName.Of(request),
                null);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keyProvider.Current);
        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.Add(Json);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
