using System.Net;
using System.Net.Http.Headers;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// Answers every request in memory with the same JSON and the headers the API sends on every answer, so a benchmark
/// measures the client's own cost (request building, handlers, retry pipeline, body reading, JSON) and not the network.
/// Every variant of a suite sends through its own instance of this handler.
/// </summary>
public sealed class CannedResponseHandler(byte[] body) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(body),
        };
        response.Content.Headers.ContentType = Json;
        response.Content.Headers.ContentLength = body.Length;
        var headers = response.Headers;
        headers.TryAddWithoutValidation("X-Trace-Id", "trc_bench0001");
        headers.TryAddWithoutValidation("X-RateLimit-Limit", "1000000");
        headers.TryAddWithoutValidation("X-RateLimit-Remaining", "999999");
        headers.TryAddWithoutValidation("X-RateLimit-Reset", "1736929800");
        return Task.FromResult(response);
    }
}
