namespace DataPulse.Client.Testing.Pipeline;

/// <summary>A request as the pipeline sees it, whichever host adapter received it. <c>RawPath</c> keeps its segments
/// percent-encoded, so an escaped <c>/</c> stays inside its segment.</summary>
internal sealed record SandboxHttpRequest(
    string Method,
    string RawPath,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public string DecodedPath => string.Join('/', RawPath.Split('/').Select(Uri.UnescapeDataString));
}
