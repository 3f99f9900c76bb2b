using System.Net;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using DataPulse.Client.Testing;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.EndToEnd;

public sealed class ReceivedRequestsTests : SandboxTest
{
    [Fact]
    public async Task ReceivedRequests_NeverHoldTheRawKey_AcrossAWholeFlow()
    {
        using var folder = new TempFolder();
        using var client = CreateClient();
        using var readOnly = CreateClient(o => o.ApiKey = Sandbox.ReadOnlyApiKey);

        Sandbox.RateLimitNextCalls(1, TimeSpan.Zero);
        await DriveAsync(client.Analytics.GetKpiSummaryAsync());
        Sandbox.FailNextCalls(1, HttpStatusCode.InternalServerError);
        await DriveAsync(client.Analytics.QueryAsync("SELECT region, COUNT(*) FROM transactions GROUP BY region"));
        await client.Customers.GetAsync("crm:42/a b");
        await client.Predictions.PredictAsync(new PredictionRequest { ModelId = "ltv_v1", Features = new Dictionary<string, object?> { ["monthly_spend"] = 250 } });
        Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 1);
        await DriveAsync(client.Reports.ExportToFileAsync(
            new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Pdf }, Path.Combine(folder.Path, "q3.pdf")));
        var schedule = await client.Reports.CreateScheduleAsync(new ReportScheduleRequest
        {
            TemplateId = "tmpl_refunds", Format = ReportFormat.Csv, Cron = "30 5 * * *", TimeZone = "UTC", Recipients = ["a@example.com"],
        });
        await client.Reports.ListSchedulesAsync(pageSize: 1).CountAsync();
        await client.Reports.DeleteScheduleAsync(schedule.ScheduleId);
        await readOnly.Customers.GetAsync("cust_92f8a3b1");
        await FluentActions.Awaiting(() => readOnly.Reports.DeleteScheduleAsync("sch_0001")).Should().ThrowAsync<DataPulsePermissionDeniedException>();

        var requests = Sandbox.ReceivedRequests;
        requests.Should().HaveCountGreaterThan(15);
        requests.Select(r => r.Headers["Authorization"]).Should().OnlyContain(a => a.Contains("[REDACTED]"));
        foreach (var request in requests)
        {
            var text = Describe(request);
            text.ShouldNotReveal(Sandbox.ApiKey, $"the recorded {request.Method} {request.Path}");
            text.ShouldNotReveal(Sandbox.ReadOnlyApiKey, $"the recorded {request.Method} {request.Path}");
        }
    }

    private static string Describe(SandboxRequest request) => string.Join(
        "\n",
        [
            $"{request.Method} {request.Path} {request.StatusCode} {request.TraceId}",
            .. request.Headers.Select(h => $"{h.Key}: {h.Value}"),
            .. request.Query.Select(q => $"{q.Key}={q.Value}"),
            request.Body ?? string.Empty,
        ]);
}
