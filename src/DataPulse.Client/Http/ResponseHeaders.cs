using System.Collections.ObjectModel;
using System.Net.Http.Headers;

namespace DataPulse.Client.Http;

/// <summary>
/// The headers behind <see cref="DataPulseResponseInfo.Headers"/>: the answer's own header collections, kept by reference
/// when it arrives, and copied into a read-only, case-insensitive dictionary only when first asked for, once, so a call whose
/// caller never looks costs no copy. An answer that echoed the API key is copied (scrubbed) at once instead, while the key
/// is at hand, and its collections are let go.
/// </summary>
internal sealed class ResponseHeaders
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Empty =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));

    private readonly HttpResponseHeaders? _headers;
    private readonly HttpContentHeaders? _contentHeaders;
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _snapshot;

    private ResponseHeaders(HttpResponseHeaders headers, HttpContentHeaders? contentHeaders)
    {
        _headers = headers;
        _contentHeaders = contentHeaders;
    }

    private ResponseHeaders(IReadOnlyDictionary<string, IReadOnlyList<string>> snapshot) => _snapshot = snapshot;

    /// <summary>No headers (a result built by hand).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> None => Empty;

    /// <summary>
    /// The headers of <paramref name="response"/>, as they are now (before its body is read, so the content headers are the
    /// transport's, all of them), with any echo of <paramref name="apiKey"/> scrubbed.
    /// </summary>
    public static ResponseHeaders Of(HttpResponseMessage response, string? apiKey)
    {
        var contentHeaders = response.Content?.Headers;
        return string.IsNullOrEmpty(apiKey) || !(Echoes(response.Headers, apiKey) || (contentHeaders is not null && Echoes(contentHeaders, apiKey)))
            ? new ResponseHeaders(response.Headers, contentHeaders)
            : new ResponseHeaders(Copy(response.Headers, contentHeaders, apiKey));
    }

    /// <summary>Headers a caller gave (a result built by hand), copied so that they are read-only and case-insensitive.</summary>
    public static ResponseHeaders Given(IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var copy = new Dictionary<string, IReadOnlyList<string>>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            copy[name] = values is null ? [] : [.. values];
        }

        return new ResponseHeaders(new ReadOnlyDictionary<string, IReadOnlyList<string>>(copy));
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Snapshot =>
        _snapshot ?? Interlocked.CompareExchange(ref _snapshot, Copy(_headers!, _contentHeaders, apiKey: null), null) ?? _snapshot;

    private static ReadOnlyDictionary<string, IReadOnlyList<string>> Copy(HttpResponseHeaders headers, HttpContentHeaders? contentHeaders, string? apiKey)
    {
        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(copy, headers, apiKey);
        if (contentHeaders is not null)
        {
            Add(copy, contentHeaders, apiKey);
        }

        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(copy);
    }

    // NonValidated: the values as they arrived, read without parsing (and so without changing the collection: safe from
    // several threads at once).
    private static void Add(Dictionary<string, IReadOnlyList<string>> copy, HttpHeaders headers, string? apiKey)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            var list = new string[values.Count];
            var i = 0;
            foreach (var value in values)
            {
                list[i++] = ApiKey.Scrub(value, apiKey)!;
            }

            copy[name] = list;
        }
    }

    private static bool Echoes(HttpHeaders headers, string apiKey)
    {
        foreach (var (_, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                if (value.Contains(apiKey, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
