using System.Net;
using System.Text;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// Answers every request in memory with the same JSON, so a benchmark measures the client's own cost
/// (request building, handlers, retry pipeline, deserialization) and not the network.
/// </summary>
public sealed class CannedResponseHandler(string json) : HttpMessageHandler
{
    private readonly byte[] _body = Encoding.UTF8.GetBytes(json);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(_body),
        };
        response.Content.Headers.ContentType = new("application/json");
        response.Headers.TryAddWithoutValidation("X-Trace-Id", "trc_bench");
        return Task.FromResult(response);
    }
}
