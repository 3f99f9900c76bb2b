using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// How a resource reads what the call path returned: awaits Refit's send (translating what only shows there: a disposed
/// client), then decodes the body the attempt already read into memory, synchronously, with the source-generated
/// contract, straight into the result the caller gets. Refit builds requests; it never reads a response.
/// </summary>
internal static class ResponseReader
{
    /// <summary>
    /// Awaits Refit's send inside the resource's own asynchronous method (no asynchronous layer, and no task, of its own):
    /// the response itself, or the documented exception.
    /// </summary>
    public static Receiving Receive(Task<HttpResponseMessage> sending, string operation, CancellationToken cancellationToken) =>
        new(sending, operation, cancellationToken);

    /// <summary>Decodes the buffered body into the result and sets the answer's facts on it.</summary>
    public static T Read<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string operation)
        where T : class, IAnsweredResult
    {
        var value = Decode(response, typeInfo, operation);
        value.SetResponse(ResponseHeaderReader.InfoOf(response, TimeProvider.System));
        return value;
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

    /// <summary>Refit's send, awaited without capturing the context, its failures outside the call path translated.</summary>
    public readonly struct Receiving(Task<HttpResponseMessage> sending, string operation, CancellationToken cancellationToken)
    {
        public Awaiter GetAwaiter() => new(sending.ConfigureAwait(false).GetAwaiter(), operation, cancellationToken);

        public readonly struct Awaiter(
            ConfiguredTaskAwaitable<HttpResponseMessage>.ConfiguredTaskAwaiter inner, string operation, CancellationToken cancellationToken)
            : ICriticalNotifyCompletion
        {
            public bool IsCompleted => inner.IsCompleted;

            public void OnCompleted(Action continuation) => inner.OnCompleted(continuation);

            public void UnsafeOnCompleted(Action continuation) => inner.UnsafeOnCompleted(continuation);

            public HttpResponseMessage GetResult()
            {
                try
                {
                    return inner.GetResult();
                }
                catch (Exception ex) when (ex is not DataPulseException)
                {
                    throw DataPulseExceptionFactory.Outside(ex, operation, cancellationToken);
                }
            }
        }
    }
}
