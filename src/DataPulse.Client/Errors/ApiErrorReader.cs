using System.Text;
using System.Text.Json;
using DataPulse.Client.Http;

namespace DataPulse.Client.Errors;

/// <summary>
/// Reads an error answer, already read into memory inside its attempt, into a <see cref="DataPulseApiError"/>: parsed as
/// the contract's error body when it is one; HTML, plain text, empty and cut-off bodies are kept as text. Every field is
/// scrubbed of the key first and cut to <see cref="DataPulseApiError.MaxResponseBodyBytes"/> characters after, so a key
/// cut in two at the cap cannot survive.
/// </summary>
internal static class ApiErrorReader
{
    /// <summary>How much of an error body an attempt reads: the cap plus room for a key that straddles it.</summary>
    public const int ReadLimit = DataPulseApiError.MaxResponseBodyBytes + 4096;

    // A trailing fragment this long could be the start of the key's secret part (longer than its public prefix).
    private const int ShortestSecretFragment = 12;

    public static DataPulseApiError Read(HttpResponseMessage response, string? apiKey)
    {
        var buffered = response.Content as BufferedContent;
        var text = buffered is null || buffered.Length == 0 ? null : Encoding.UTF8.GetString(buffered.Span);
        var scrubbed = ApiKey.Scrub(text, apiKey);
        var truncated = buffered?.Truncated == true || scrubbed?.Length > DataPulseApiError.MaxResponseBodyBytes;
        if (scrubbed is not null && truncated)
        {
            scrubbed = WithoutKeyFragmentAtEnd(scrubbed[..Math.Min(scrubbed.Length, DataPulseApiError.MaxResponseBodyBytes)], apiKey);
        }

        var body = (truncated ? null : TryParse(scrubbed)) ?? new DataPulseApiError();
        return body with
        {
            StatusCode = response.StatusCode,
            TraceId = !string.IsNullOrWhiteSpace(body.TraceId) ? body.TraceId : ApiKey.Scrub(ResponseHeaderReader.ReadTraceId(response.Headers), apiKey),
            Headers = ResponseHeaderReader.Snapshot(response, apiKey),
            ResponseBody = scrubbed,
            ResponseBodyTruncated = truncated,
        };
    }

    private static string WithoutKeyFragmentAtEnd(string text, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return text;
        }

        for (var length = Math.Min(apiKey.Length - 1, text.Length); length >= ShortestSecretFragment; length--)
        {
            if (text.AsSpan(text.Length - length).SequenceEqual(apiKey.AsSpan(0, length)))
            {
                return text[..^length];
            }
        }

        return text;
    }

    private static DataPulseApiError? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.AsSpan().TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, ErrorJsonContext.Default.ErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
