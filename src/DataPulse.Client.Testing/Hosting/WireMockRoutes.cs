using System.Text;
using DataPulse.Client.Testing.Pipeline;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace DataPulse.Client.Testing.Hosting;

/// <summary>
/// Serves the JSON operations: one catch-all WireMock mapping whose callback hands each request to the pipeline.
/// </summary>
internal static class WireMockRoutes
{
    public static void Register(WireMockServer server, SandboxPipeline pipeline) =>
        server
            .Given(Request.Create().WithPath("/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(async message =>
            {
                var response = await pipeline.HandleAsync(ToRequest(message), CancellationToken.None).ConfigureAwait(false);
                return ToMessage(response);
            }));

    private static SandboxHttpRequest ToRequest(IRequestMessage message)
    {
        // WireMock's Path decodes an escaped '/' inside a segment, and its Url unescapes '%25', so the path comes as it
        // was on the wire from the middleware; the Url is only a fallback.
        var rawPath = RawRequestTarget.Path;
        if (rawPath is null)
        {
            var url = message.Url;
            var pathStart = url.IndexOf('/', url.IndexOf("://", StringComparison.Ordinal) + 3);
            var queryStart = url.IndexOf('?', StringComparison.Ordinal);
            rawPath = pathStart < 0 ? "/" : queryStart < 0 ? url[pathStart..] : url[pathStart..queryStart];
        }

        return new SandboxHttpRequest(
            message.Method,
            rawPath,
            Flatten(message.Query),
            Flatten(message.Headers),
            message.Body ?? (message.BodyAsBytes is { Length: > 0 } bytes ? Encoding.UTF8.GetString(bytes) : null));
    }

    private static Dictionary<string, string> Flatten(IDictionary<string, WireMockList<string>>? values) =>
        values is null
            ? new(StringComparer.OrdinalIgnoreCase)
            : values.ToDictionary(v => v.Key, v => string.Join(", ", v.Value), StringComparer.OrdinalIgnoreCase);

    private static ResponseMessage ToMessage(SandboxResponse response)
    {
        var headers = response.Headers.ToDictionary(h => h.Key, h => new WireMockList<string>(h.Value), StringComparer.OrdinalIgnoreCase);
        if (response.ContentType is { } contentType)
        {
            headers["Content-Type"] = new WireMockList<string>(contentType);
        }

        return new ResponseMessage
        {
            StatusCode = response.StatusCode,
            Headers = headers,
            BodyData = response.Body.Length == 0 ? null : new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = response.Body },
        };
    }
}
