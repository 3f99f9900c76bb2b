using System.Net;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using DataPulse.Client.Testing;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.EndToEnd;

/// <summary>End to end: a whole flow across every resource leaves no raw key in what the sandbox recorded.</summary>
public sealed class ReceivedRequestsTests
{
    [Fact]
    public async Task ReceivedRequests_NeverHoldTheRawKey_AcrossAWholeFlow()
    {
        await using var session = new SandboxSession();
        using var folder = new TempFolder();
        using var client = session.CreateClient();
        using var readOnly = session.CreateClient(o => o.ApiKey = session.Sandbox.ReadOnlyApiKey);

        session.Sandbox.RateLimitNextCalls(1, TimeSpan.Zero);
        await session.DriveAsync(client.Analytics.GetKpiSummaryAsync());
        session.Sandbox.FailNextCalls(1, HttpStatusCode.InternalServerError);
        await session.DriveAsync(client.Analytics.QueryAsync("SELECT region, COUNT(*) FROM transactions GROUP BY region"));
        await client.Customers.GetAsync("crm:42/a b");
        await client.Predictions.PredictAsync(new PredictionRequest { ModelId = "ltv_v1", Features = new Dictionary<string, object?> { ["monthly_spend"] = 250 } });
        session.Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 1);
        await session.DriveAsync(client.Reports.ExportToFileAsync(
            new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Pdf }, Path.Combine(folder.Path, "q3.pdf")));
        var schedule = await client.Reports.CreateScheduleAsync(new ReportScheduleRequest
        {
            TemplateId = "tmpl_refunds", Format = ReportFormat.Csv, Cron = "30 5 * * *", TimeZone = "UTC", Recipients = ["a@example.com"],
        });
        await client.Reports.ListSchedulesAsync(pageSize: 1).CountAsync();
        await client.Reports.DeleteScheduleAsync(schedule.ScheduleId);
        await readOnly.Customers.GetAsync("cust_92f8a3b1");
        await FluentActions.Awaiting(() => readOnly.Reports.DeleteScheduleAsync("sch_0001")).Should().ThrowAsync<DataPulsePermissionDeniedException>();

        var requests = session.Sandbox.ReceivedRequests;
        requests.Should().HaveCountGreaterThan(15);
        requests.Select(r => r.Headers["Authorization"]).Should().OnlyContain(a => a.Contains("[REDACTED]"));
        foreach (var request in requests)
        {
            var text = Describe(request);
            text.ShouldNotReveal(session.Sandbox.ApiKey, $"the recorded {request.Method} {request.Path}");
            text.ShouldNotReveal(session.Sandbox.ReadOnlyApiKey, $"the recorded {request.Method} {request.Path}");
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
