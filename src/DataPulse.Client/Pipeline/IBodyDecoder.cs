namespace DataPulse.Client.Pipeline;

/// <summary>Reads a whole answer body for a resource that decodes it itself instead of through one System.Text.Json call.</summary>
/// <typeparam name="T">What the body becomes.</typeparam>
internal interface IBodyDecoder<out T>
{
    /// <summary>The body's value, or <see langword="null"/> when the body is JSON of another shape.</summary>
    /// <exception cref="System.Text.Json.JsonException">The body is not the expected JSON.</exception>
    T? Decode(ReadOnlySpan<byte> body);
}
