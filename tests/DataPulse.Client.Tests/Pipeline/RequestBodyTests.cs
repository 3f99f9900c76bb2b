using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary>Every POST body is serialized once, sent with Content-Length (never chunked) and resent whole on a retry.</summary>
public sealed class RequestBodyTests
{
    public static TheoryData<string> Posts => new() { "query", "predict", "export", "schedule" };

    private static Task Post(DataPulseClient client, string which) => which switch
    {
        "query" => client.Analytics.QueryAsync("SELECT 1"),
        "predict" => client.Predictions.PredictAsync(new Client.Predictions.PredictionRequest { ModelId = "m", Features = new Dictionary<string, object?> { ["a"] = 1 } }),
        "export" => client.Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_1", Format = ReportFormat.Csv }),
        _ => client.Reports.CreateScheduleAsync(new ReportScheduleRequest
        {
            TemplateId = "tmpl_1", Format = ReportFormat.Pdf, Cron = "0 6 * * 1", TimeZone = "Europe/Berlin", Recipients = ["ops@example.com"],
        }),
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task EveryPost_IsSentWithContentLength_AndResentWholeOnRetry(string which)
    {
        await using var server = new ScriptedServer((stream, _, ct) => ScriptedServer.SendAsync(
            stream, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close", string.Empty, ct));
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = server.BaseAddress, MaxRetries = 1, RetryBaseDelay = TimeSpan.Zero });

        await FluentActions.Invoking(() => Post(client, which)).Should().ThrowAsync<DataPulseServerException>().WaitAsync(TimeSpan.FromSeconds(20));

        var sent = server.Received.ToList();
        sent.Should().HaveCount(2);
        sent.Should().OnlyContain(r => r.Headers.ContainsKey("Content-Length") && !r.Headers.ContainsKey("Transfer-Encoding"));
        sent.Select(r => r.Body).Distinct().Should().ContainSingle().Which.Should().StartWith("{");
        sent.Select(r => int.Parse(r.Headers["Content-Length"], System.Globalization.CultureInfo.InvariantCulture)).Should().OnlyContain(n => n == System.Text.Encoding.UTF8.GetByteCount(sent[0].Body));
    }
}
