using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DataPulse.Client.Http;

/// <summary>
/// A JSON request body serialized once, up front: it goes out with <c>Content-Length</c> (never chunked, which some
/// proxies refuse with 411) and is resent as-is on every retry. It also refuses to be sent, within one attempt, to
/// another host or scheme than it first went to, so a redirect followed by a caller's <see cref="HttpClient"/> (307/308
/// resend the body) can never carry it elsewhere.
/// </summary>
internal sealed class JsonBody : HttpContent
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    private readonly byte[] _utf8;
    private HttpRequestMessage? _request;
    private Uri? _firstTarget;

    private JsonBody(byte[] utf8)
    {
        _utf8 = utf8;
        Headers.ContentType = JsonUtf8;
    }

    public static JsonBody Create<T>(T value, JsonTypeInfo<T> typeInfo) => new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>The body, for logging.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>Ties the body to the message an attempt sends.</summary>
    public void SendWith(HttpRequestMessage request)
    {
        _request = request;
        _firstTarget = null;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // Sent again within one attempt: a connection retry (same address) is fine; a redirect elsewhere is refused.
        // Compared with where the body first went, so a handler that points requests elsewhere up front still works.
        if (_request?.RequestUri is { } target)
        {
            if (_firstTarget is null)
            {
                _firstTarget = target;
            }
            else if (!Origins.Same(target, _firstTarget))
            {
                throw new RedirectRefusedException(target);
            }
        }

        return stream.WriteAsync(_utf8, cancellationToken).AsTask();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _utf8.Length;
        return true;
    }
}
