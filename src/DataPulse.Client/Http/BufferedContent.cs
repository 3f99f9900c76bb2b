using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace DataPulse.Client.Http;

/// <summary>
/// A response body read whole inside its attempt, held in a buffer rented from <see cref="ArrayPool{T}.Shared"/> and
/// returned when the response is disposed, so a large answer costs no new large-object-heap buffer per call.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private byte[]? _buffer;
    private readonly int _length;
    private readonly HttpContentHeaders? _transportHeaders;

    public BufferedContent(byte[] buffer, int length, bool truncated, HttpContentHeaders? transportHeaders)
    {
        _buffer = buffer;
        _length = length;
        Truncated = truncated;
        _transportHeaders = transportHeaders;
    }

    /// <summary>
    /// The answer's media type, read from the transport's content headers only when asked (to log a body): a success's
    /// own content headers are never built, and its <c>Content-Type</c> is never parsed on a call that logs nothing.
    /// </summary>
    public string? MediaType => _transportHeaders?.ContentType?.MediaType;

    /// <summary>The answer's trace id and rate-limit window, read once when it arrived (by the send stage).</summary>
    public DataPulseResponseInfo? Info { get; set; }

    /// <summary>Whether the body was longer than what was kept (error bodies only: a success over the cap fails instead).</summary>
    public bool Truncated { get; }

    /// <summary>The body. Valid until the content is disposed.</summary>
    public ReadOnlySpan<byte> Span => new(Buffer, 0, _length);

    public int Length => _length;

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(BufferedContent));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Buffer, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Buffer.AsMemory(0, _length), cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(Buffer, 0, _length, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }
}
