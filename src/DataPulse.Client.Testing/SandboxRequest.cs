namespace DataPulse.Client.Testing;

/// <summary>A request the sandbox received, as listed by <see cref="DataPulseSandbox.ReceivedRequests"/>.
/// The <c>Authorization</c> header is redacted: it keeps the key's prefix and last four characters only.</summary>
/// <param name="Method">The HTTP method, for example <c>GET</c>.</param>
/// <param name="Path">The path, percent-decoded, for example <c>/v1/customers/crm:42/a b</c>.</param>
/// <param name="Query">The query parameters, decoded.</param>
/// <param name="Headers">The request headers (names case-insensitive; several values joined with <c>", "</c>).</param>
/// <param name="Body">The request body as text, or <see langword="null"/> when there was none.</param>
/// <param name="StatusCode">The status the sandbox answered with.</param>
/// <param name="TraceId">The <c>X-Trace-Id</c> the sandbox sent back.</param>
public sealed record SandboxRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    int StatusCode,
    string TraceId);
