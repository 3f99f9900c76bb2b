using System.Text;
using DataPulse.Client.Testing.Pipeline;
using DataPulse.Client.Testing.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DataPulse.Client.Testing.Hosting;

/// <summary>
/// Serves the operations that answer with a report file, in an ASP.NET Core middleware placed before WireMock's own.
/// WireMock.Net 1.25 never sends <c>Content-Length</c> with a body and its faults still end the body cleanly; here the
/// file goes out with its length, and the drop scenario can really cut the connection halfway through it.
/// </summary>
internal static class FileRoutesMiddleware
{
    private static readonly TimeSpan HeadersHeadStart = TimeSpan.FromMilliseconds(200);

    public static void Use(object applicationBuilder, SandboxPipeline pipeline) =>
        ((IApplicationBuilder)applicationBuilder).Use(async (HttpContext context, RequestDelegate next) =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
            var queryStart = target.IndexOf('?', StringComparison.Ordinal);
            var rawPath = queryStart < 0 ? target : target[..queryStart];
            var (route, _) = Router.Find(context.Request.Method, rawPath, out _);
            if (route is not { ReturnsFile: true })
            {
                RawRequestTarget.Path = rawPath;
                await next(context).ConfigureAwait(false);
                return;
            }

            var request = new SandboxHttpRequest(
                context.Request.Method,
                rawPath,
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false));
            var response = await pipeline.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context, response).ConfigureAwait(false);
        });

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Request bodies here are the SDK's small JSON documents: read whole, no fixed-size buffer per request.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return body.Length == 0 ? null : body;
    }

    private static async Task WriteAsync(HttpContext context, SandboxResponse response)
    {
        var http = context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (response.ContentType is { } contentType)
        {
            http.ContentType = contentType;
        }

        http.ContentLength = response.Body.Length;
        if (!response.DropMidway)
        {
            await http.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await http.Body.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await http.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);

        // Let the client take in the headers first: a reset that overtakes them would look like a failed request,
        // not a download cut short. Real time on purpose: it races the socket, not a clock the test controls.
        await Task.Delay(HeadersHeadStart, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
        context.Abort();
    }
}
