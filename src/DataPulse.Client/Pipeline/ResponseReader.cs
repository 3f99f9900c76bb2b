using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// How a resource reads what the call path returned: awaits Refit's send (translating what only shows there: a disposed
/// client), then decodes the body the attempt already read into memory, synchronously, with the source-generated
/// contract. Refit builds requests; it never reads a response.
/// </summary>
internal static class ResponseReader
{
    public static async Task<(T Value, DataPulseResponseInfo Info)> ReadAsync<T>(
        Task<HttpResponseMessage> sending, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
    {
        // The await is inlined here rather than through ReceiveAsync: one asynchronous layer (and task) less per call.
        HttpResponseMessage response;
        try
        {
            response = await sending.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not DataPulseException)
        {
            throw DataPulseExceptionFactory.Outside(ex, operation, cancellationToken);
        }

        using (response)
        {
            return (Decode(response, typeInfo, operation), ResponseHeaderReader.InfoOf(response, TimeProvider.System));
        }
    }

    /// <summary>As <see cref="ReadAsync{T}(Task{HttpResponseMessage}, JsonTypeInfo{T}, string, CancellationToken)"/>, with the resource's own decoder.</summary>
    public static async Task<(T Value, DataPulseResponseInfo Info)> ReadAsync<T, TDecoder>(
        Task<HttpResponseMessage> sending, TDecoder decoder, string operation, CancellationToken cancellationToken)
        where TDecoder : IBodyDecoder<T>
    {
        HttpResponseMessage response;
        try
        {
            response = await sending.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not DataPulseException)
        {
            throw DataPulseExceptionFactory.Outside(ex, operation, cancellationToken);
        }

        using (response)
        {
            return (Decode<T, TDecoder>(response, decoder, operation), ResponseHeaderReader.InfoOf(response, TimeProvider.System));
        }
    }

    /// <summary>The response itself (a file to stream, a status to read), or the documented exception.</summary>
    public static async Task<HttpResponseMessage> ReceiveAsync(Task<HttpResponseMessage> sending, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await sending.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not DataPulseException)
        {
            throw DataPulseExceptionFactory.Outside(ex, operation, cancellationToken);
        }
    }

    public static T Decode<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string operation)
    {
        if (response.Content is not BufferedContent { Length: > 0 } body)
        {
            throw DataPulseExceptionFactory.Unreadable(operation, null);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(body.Span, typeInfo);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or FormatException)
        {
            throw DataPulseExceptionFactory.Unreadable(operation, ex);
        }

        // An answer without its "data" (for example "{}") is of another shape, not an empty result.
        if (value is null or IDataEnvelope { HasData: false })
        {
            throw DataPulseExceptionFactory.Unreadable(operation, null);
        }

        return value;
    }

    /// <summary>Decodes the buffered body with <paramref name="decoder"/>, while the pooled buffer is still the response's.</summary>
    public static T Decode<T, TDecoder>(HttpResponseMessage response, TDecoder decoder, string operation)
        where TDecoder : IBodyDecoder<T>
    {
        if (response.Content is not BufferedContent { Length: > 0 } body)
        {
            throw DataPulseExceptionFactory.Unreadable(operation, null);
        }

        T? value;
        try
        {
            value = decoder.Decode(body.Span);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or FormatException)
        {
            throw DataPulseExceptionFactory.Unreadable(operation, ex);
        }

        return value ?? throw DataPulseExceptionFactory.Unreadable(operation, null);
    }
}
