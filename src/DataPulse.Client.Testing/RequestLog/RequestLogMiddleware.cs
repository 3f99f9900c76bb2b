using System.Text;
using DataPulse.Client.Testing.Authentication;
using DataPulse.Client.Testing.Pipeline;
using Microsoft.AspNetCore.Http;

namespace DataPulse.Client.Testing.RequestLog;

/// <summary>
/// The first of the sandbox's middleware: gives the request its <see cref="SandboxCall"/> and trace id, and records it,
/// key redacted, when its answer starts, so a caller who has the answer always finds the request in the log.
/// </summary>
internal sealed class RequestLogMiddleware(SandboxState state)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var call = new SandboxCall(context, state, state.NextTraceId(), body);
        context.Features.Set(call);
        context.Response.Headers["X-Trace-Id"] = call.TraceId;
        context.Response.OnStarting(() =>
        {
            state.Received.Add(new SandboxRequest(
                call.Method, call.DecodedPath, call.Query, Redacted(call.Headers), call.Body, context.Response.StatusCode, call.TraceId));
            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Request bodies here are the SDK's small JSON documents: read whole, no fixed-size buffer per request.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return body.Length == 0 ? null : body;
    }

    private static Dictionary<string, string> Redacted(IReadOnlyDictionary<string, string> headers)
    {
        var copy = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (copy.TryGetValue("Authorization", out var authorization))
        {
            copy["Authorization"] = ApiKeyCheck.Redact(authorization);
        }

        return copy;
    }
}
