namespace DataPulse.Client.Testing.Pipeline;

/// <summary>An answer as the pipeline builds it, before a host adapter writes it to the wire.</summary>
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

    /// <summary>True for a report file: sent with <c>Content-Length</c> by the file adapter.</summary>
    public bool IsFile { get; init; }

    /// <summary>Set by the drop scenario: send the headers and half the body, then cut the connection.</summary>
    public bool DropMidway { get; set; }

    public SandboxResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
