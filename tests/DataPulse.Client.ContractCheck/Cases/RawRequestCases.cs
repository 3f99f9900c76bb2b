using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DataPulse.Client.ContractCheck.Cases;

/// <summary>
/// Requests the contract allows but the SDK never sends (it checks these fields itself before sending), so the sandbox's
/// own checks behind them (400 with <c>param</c>) still have their answers validated. Sent with a plain
/// <see cref="HttpClient"/> carrying the headers the SDK would send. The sandbox's 401 for a missing or non-bearer key
/// cannot be checked this way: Prism refuses such a request itself (the document's bearer scheme), never forwarding it.
/// </summary>
internal static class RawRequestCases
{
    private const string UserAgent = "datapulse-dotnet/0.0.0 (.NET 10.0.0; Linux)";

    public static IEnumerable<ContractCase> All()
    {
        yield return Post("400 export without format (param format)", "v1/reports/export",
            """{"template_id":"tmpl_q3_performance"}""", 400, "format");

        yield return Post("400 export whose date range ends before it starts (param date_range)", "v1/reports/export",
            """{"template_id":"tmpl_q3_performance","format":"csv","date_range":{"start":"2024-12-31","end":"2024-10-01"}}""", 400, "date_range");

        yield return Post("400 schedule with an empty body (param template_id)", "v1/reports/schedules", "{}", 400, "template_id");

        yield return Post("400 schedule with a three-field cron (param cron)", "v1/reports/schedules",
            """{"template_id":"tmpl_refunds","format":"csv","cron":"0 6 *","timezone":"UTC","recipients":["ops@example.com"]}""", 400, "cron");

        yield return Post("400 schedule in an unknown time zone (param timezone)", "v1/reports/schedules",
            """{"template_id":"tmpl_refunds","format":"csv","cron":"0 6 * * 1","timezone":"Berlin","recipients":["ops@example.com"]}""", 400, "timezone");
    }

    private static ContractCase Post(string name, string path, string body, int status, string param) => new(name, async c =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Sandbox.ApiKey);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await c.Http().SendAsync(request);
        Expect.Equal(status, (int)response.StatusCode, "status");
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Expect.Equal(param, answer.RootElement.GetProperty("error").GetProperty("param").GetString(), "param");
    });
}
