using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DataPulse.Client.Testing.Pipeline;

/// <summary>
/// One request on its way through the sandbox: what came in, its trace id and the sandbox's state. It travels with the
/// request as an <see cref="HttpContext"/> feature, set by the request log, the first of the sandbox's middleware.
/// </summary>
internal sealed class SandboxCall
{
    private readonly HttpContext _context;

    public SandboxCall(HttpContext context, SandboxState state, string traceId, string? body)
    {
        _context = context;
        State = state;
        TraceId = traceId;
        Body = body;
        Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Headers = context.Request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value.ToArray()), StringComparer.OrdinalIgnoreCase);
    }

    public SandboxState State { get; }

    public string TraceId { get; }

    public string Method => _context.Request.Method;

    /// <summary>The path as sent, segments still percent-encoded (see <c>WirePath</c>).</summary>
    public string RawPath => _context.Request.Path.Value ?? "/";

    /// <summary>The path with each segment percent-decoded once, as <see cref="SandboxRequest.Path"/> shows it.</summary>
    public string DecodedPath => string.Join('/', RawPath.Split('/').Select(Uri.UnescapeDataString));

    public IReadOnlyDictionary<string, string> Query { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? Body { get; }

    public static SandboxCall Of(HttpContext context) => context.Features.GetRequiredFeature<SandboxCall>();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    /// <summary>A route parameter, percent-decoded as one path segment: <c>crm%3A42%2Fa%20b</c> is <c>crm:42/a b</c>.</summary>
    public string RouteValue(string name) => Uri.UnescapeDataString(_context.Request.RouteValues[name] as string ?? string.Empty);
}
