using System.Net;
using System.Text.Json;
using DataPulse.Client.Reports;
using DataPulse.Client.Testing.Tests.Infrastructure;
using static DataPulse.Client.Testing.Tests.Infrastructure.SandboxHttp;

namespace DataPulse.Client.Testing.Tests.Resources;

public sealed class ReportsRoutesTests : SandboxTests
{
    [Fact]
    public async Task Export_SendsTheFileWithItsContentLength()
    {
        using var http = Http();

        using var response = await http.PostAsync("v1/reports/export", Json("""{ "template_id": "tmpl_refunds", "format": "csv" }"""));
        var file = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().Be(file.LongLength);
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("refunds.csv");
    }

    [Fact]
    public async Task MakeExportsAsynchronous_Serves202ThenStatusThenDownload()
    {
        Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 2);
        using var http = Http();

        using var accepted = await http.PostAsync("v1/reports/export", Json("""{ "template_id": "tmpl_refunds", "format": "csv" }"""));
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        accepted.Headers.RetryAfter.Should().NotBeNull();
        var location = accepted.Headers.Location!.ToString();
        location.Should().MatchRegex("^/v1/reports/rpt_[0-9a-f]{4}$");

        var statuses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync(location.TrimStart('/')));
            statuses.Add(status.RootElement.GetProperty("status").GetString()!);
        }

        statuses.Should().Equal("processing", "processing", "ready");
        using var file = await http.GetAsync(location.TrimStart('/') + "/download");
        file.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("refunds.csv");
        (await file.Content.ReadAsStringAsync()).Should().StartWith("transaction_id,order_date,region,customer_id,revenue");
    }

    [Fact]
    public async Task MakeExportsAsynchronous_SdkExportPollsUntilReadyThenDownloads()
    {
        Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 2);
        var clock = new TimerWatchingClock(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero));
        using var client = Sandbox.CreateClient(o => o.TimeProvider = clock);

        await using var report = await clock.DriveAsync(
            client.Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_refunds", Format = ReportFormat.Pdf }));

        (await report.CopyToAsync(Stream.Null)).Should().Be(report.Length!.Value);
        var calls = Sandbox.ReceivedRequests.Select(r => $"{r.Method} {r.StatusCode}").ToList();
        calls.Should().Equal("POST 202", "GET 200", "GET 200", "GET 200", "GET 200");
        Sandbox.ReceivedRequests[^1].Path.Should().EndWith("/download");
    }

    [Fact]
    public async Task Download_OfAReportStillProcessing_Gets409()
    {
        Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 1);
        using var http = Http();
        using var accepted = await http.PostAsync("v1/reports/export", Json("""{ "template_id": "tmpl_refunds", "format": "csv" }"""));

        using var early = await http.GetAsync(accepted.Headers.Location!.ToString().TrimStart('/') + "/download");

        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"report_not_ready\"");
    }
}
