using DataPulse.Client.Testing.Faults;
using Microsoft.AspNetCore.Http;

namespace DataPulse.Client.Testing.Pipeline;

/// <summary>An answer as an operation or a middleware builds it; <see cref="WriteAsync"/> puts it on the wire.</summary>
internal sealed class SandboxResponse
{
    public SandboxResponse(int statusCode, string? contentType = null, byte[]? body = null)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body ?? [];
    }

    public int StatusCode { get; }

    public string? ContentType { get; }

    public byte[] Body { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a report file: the one kind of answer the drop scenario cuts short.</summary>
    public bool IsFile { get; init; }

    public SandboxResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    /// <summary>Writes status, headers (over those the middleware set before), <c>Content-Length</c> and body.</summary>
    public async Task WriteAsync(HttpContext context)
    {
        var http = context.Response;
        http.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            http.Headers[name] = value;
        }

        if (ContentType is { } contentType)
        {
            http.ContentType = contentType;
        }

        if (StatusCode == StatusCodes.Status204NoContent)
        {
            return;
        }

        http.ContentLength = Body.Length;
        if (IsFile && SandboxCall.Of(context).State.Scenarios.TryTakeDownloadDrop())
        {
            await MidwayDrop.WriteAsync(context, Body).ConfigureAwait(false);
            return;
        }

        await http.Body.WriteAsync(Body, context.RequestAborted).ConfigureAwait(false);
    }
}
