using System.Buffers;
using System.Text;
using System.Text.Json;
using DataPulse.Client.Http;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Errors;

/// <summary>
/// Reads an error answer into a <see cref="DataPulseApiError"/>: at most 8 KiB of its body, parsed as the contract's error
/// body when it is one; HTML, plain text, empty and cut-off bodies are kept as text.
/// </summary>
internal static class ApiErrorReader
{
    // An error body that trickles in must not hold the caller forever.
    private static readonly TimeSpan BodyReadLimit = TimeSpan.FromSeconds(10);

    public static async Task<DataPulseApiError> ReadAsync(HttpResponseMessage response, string? apiKey, CancellationToken cancellationToken)
    {
        var (text, truncated) = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var body = truncated ? null : TryParse(text);
        return new DataPulseApiError
        {
            StatusCode = response.StatusCode,
            // Every field the server sends may end up in the exception's message: none may carry the key back.
            Type = ApiKey.Scrub(body?.Type, apiKey),
            Code = ApiKey.Scrub(body?.Code, apiKey),
            Message = ApiKey.Scrub(body?.Message, apiKey),
            Param = ApiKey.Scrub(body?.Param, apiKey),
            TraceId = ApiKey.Scrub(!string.IsNullOrWhiteSpace(body?.TraceId) ? body.TraceId : ResponseHeaderReader.ReadTraceId(response.Headers), apiKey),
            Headers = ResponseHeaderReader.Snapshot(response, apiKey),
            ResponseBody = ApiKey.Scrub(text, apiKey),
            ResponseBodyTruncated = truncated,
        };
    }

    private static ErrorBody? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.AsSpan().TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, DataPulseJsonContext.Default.ErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<(string? Text, bool Truncated)> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        const int cap = DataPulseApiError.MaxResponseBodyBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(cap + 1);
        var filled = 0;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(BodyReadLimit);
        try
        {
            var stream = await content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (filled <= cap && (read = await stream.ReadAsync(buffer.AsMemory(filled, cap + 1 - filled), limit.Token).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The body stalled: keep what arrived; the status still decides the exception.
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The body was cut off: keep what arrived; the status still decides the exception.
        }

        try
        {
            var truncated = filled > cap;
            var length = Math.Min(filled, cap);
            return length == 0 ? (null, false) : (Encoding.UTF8.GetString(buffer, 0, length), truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
