using System.Runtime.ExceptionServices;
using System.Text.Json;
using DataPulse.Client.Http;
using Refit;

namespace DataPulse.Client.Internal;

/// <summary>
/// Runs one Refit call and hands back its content with the answer's trace id and rate-limit window. Whatever Refit
/// wraps a failure in, the caller sees the DataPulse exception the handlers raised, or a <see cref="DataPulseException"/>
/// naming the operation; the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal static class ApiCall
{
    public static async Task<(T Content, DataPulseResponseInfo Info)> SendAsync<TApi, T>(
        TApi api, string operation, Func<TApi, CancellationToken, Task<IApiResponse<T>>> call, CancellationToken cancellationToken)
    {
        IApiResponse<T> response;
        try
        {
            response = await call(api, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, operation, cancellationToken) is { } translated)
        {
            ExceptionDispatchInfo.Throw(translated);
            throw;
        }

        using (response)
        {
            if (response.Error is { } error)
            {
                throw FindDataPulseException(error) ?? Unreadable(operation, error);
            }

            // An answer without its "data" (for example "{}") is of another shape, not an empty result.
            if (!response.IsSuccessStatusCode || response.Content is null or IDataEnvelope { HasData: false })
            {
                throw Unreadable(operation, null);
            }

            return (response.Content, new DataPulseResponseInfo
            {
                TraceId = ResponseHeaderReader.ReadTraceId(response.Headers),
                RateLimit = ResponseHeaderReader.ReadRateLimit(response.Headers),
            });
        }
    }

    public static async Task<HttpResponseMessage> SendRawAsync<TApi>(
        TApi api, string operation, Func<TApi, CancellationToken, Task<HttpResponseMessage>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(api, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, operation, cancellationToken) is { } translated)
        {
            ExceptionDispatchInfo.Throw(translated);
            throw;
        }
    }

    /// <summary>What to throw instead of <paramref name="exception"/>; null keeps the caller's own cancellation as it is.</summary>
    internal static Exception? Translate(Exception exception, string operation, CancellationToken cancellationToken)
    {
        if (FindDataPulseException(exception) is { } dataPulse)
        {
            return dataPulse;
        }

        return exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            OperationCanceledException canceled => new DataPulseTimeoutException(
                $"{operation} timed out: the HTTP transport gave up waiting.", DataPulseTimeoutKind.Transport, null, operation, canceled),
            HttpRequestException transport => new DataPulseConnectionException($"{operation} could not reach DataPulse: {transport.Message}", operation, transport),
            _ when FindJsonException(exception) is not null => Unreadable(operation, exception),
            ApiException api when api.InnerException is HttpRequestException transport => new DataPulseConnectionException(
                $"{operation} could not reach DataPulse: {transport.Message}", operation, api),
            _ => new DataPulseException($"{operation} failed: {exception.Message}", operation, exception),
        };
    }

    internal static DataPulseException Unreadable(string operation, Exception? cause, string? reason = null) =>
        new($"{operation} succeeded, but its answer could not be read as the expected JSON: {reason ?? FindJsonException(cause)?.Message ?? "the body was empty or of another shape"}", operation, cause);

    private static DataPulseException? FindDataPulseException(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DataPulseException found)
            {
                return found;
            }
        }

        return null;
    }

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonException found)
            {
                return found;
            }
        }

        return null;
    }
}
