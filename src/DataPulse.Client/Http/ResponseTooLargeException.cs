namespace DataPulse.Client.Http;

/// <summary>
/// Raised while reading an answer that is larger than a response may be buffered; the call path turns it into the
/// documented exception. Not an <see cref="IOException"/>: it is never retried like a broken connection.
/// </summary>
internal sealed class ResponseTooLargeException(int maxBytes, long? declaredLength)
    : InvalidOperationException("The answer is larger than the response buffer allows.")
{
    public int MaxBytes { get; } = maxBytes;

    /// <summary>The answer's <c>Content-Length</c>, when it said; null when the body simply kept coming.</summary>
    public long? DeclaredLength { get; } = declaredLength;
}
