using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using DataPulse.Client.Testing;

namespace DataPulse.Client.Testing.Tests.Infrastructure;

/// <summary>Raw HTTP against a sandbox, for what the SDK would hide: status lines, headers, bodies as sent.</summary>
public static class SandboxHttp
{
    public static HttpClient Client(DataPulseSandbox sandbox, string? apiKey)
    {
        var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return http;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new KeyNotFoundException(name);

    public static long HeaderNumber(this HttpResponseMessage response, string name) =>
        long.Parse(response.Header(name), CultureInfo.InvariantCulture);
}
