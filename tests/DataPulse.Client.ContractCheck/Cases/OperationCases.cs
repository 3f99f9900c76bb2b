using DataPulse.Client.Analytics;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;

namespace DataPulse.Client.ContractCheck.Cases;

/// <summary>Every operation's success answers, through the SDK's public calls, with the seeded data the sandbox serves.</summary>
internal static class OperationCases
{
    private const string RegionRevenueSql = "SELECT region, SUM(revenue) FROM transactions GROUP BY region ORDER BY region";

    public static IEnumerable<ContractCase> All()
    {
        yield return new("kpis: 30d retail (the contract's example)", async c =>
        {
            var kpis = await c.Client().Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);
            Expect.Equal(2_845_000m, kpis.Revenue, "revenue");
            Expect.That(kpis.Meta.CacheHit, "cache_hit true");
        });

        yield return new("kpis: no parameters (server defaults)", async c =>
            Expect.Equal(KpiPeriod.ThirtyDays, (await c.Client().Analytics.GetKpiSummaryAsync()).Period, "period"));

        foreach (var (period, vertical) in new[] { (KpiPeriod.SevenDays, Vertical.Saas), (KpiPeriod.NinetyDays, Vertical.Finance), (KpiPeriod.OneYear, (Vertical?)null) })
        {
            yield return new($"kpis: {period} {vertical?.ToString() ?? "all verticals"}", async c =>
                Expect.Equal(period, (await c.Client().Analytics.GetKpiSummaryAsync(period, vertical)).Period, "period"));
        }

        yield return new("kpis: User-Agent with the caller's application id", async c =>
            Expect.Equal(KpiPeriod.ThirtyDays, (await c.Client(o => o.ApplicationId = "acme-billing/2.1").Analytics.GetKpiSummaryAsync()).Period, "period"));

        yield return new("query: aggregate, limit 50", async c =>
        {
            var result = await c.Client().Analytics.QueryAsync(RegionRevenueSql, limit: 50);
            Expect.Equal(2, result.Columns.Count, "column count");
            Expect.Equal(4L, result.Meta.RowCount, "row_count");
        });

        yield return new("query: every column type, truncated by limit", async c =>
        {
            var result = await c.Client().Analytics.QueryAsync("SELECT * FROM transactions", limit: 3);
            Expect.Equal(3, result.Rows.Count, "rows");
            Expect.That(result.Meta.Truncated, "truncated true");
        });

        yield return new("query: the caller's own Idempotency-Key (a GUID), sent as given", async c =>
        {
            const string key = "5f0c2a8e-9b1d-4c7f-a3e6-d2b1c0a9f8e7";
            await c.Client().Analytics.QueryAsync(new QueryRequest { Sql = RegionRevenueSql, IdempotencyKey = key });
            Expect.Equal(key, c.Exchanges[0].IdempotencyKey, "Idempotency-Key");
        });

        yield return new("customer: by id", async c =>
            Expect.Equal(4820.50m, (await c.Client().Customers.GetAsync("cust_92f8a3b1")).LifetimeValue, "lifetime_value"));

        yield return new("customer: not yet scored, no interaction (nulls)", async c =>
        {
            var profile = await c.Client().Customers.GetAsync("cust_7b21c9e4");
            Expect.That(profile.LastInteraction is null && profile.ChurnProbability is null, "last_interaction and churn_probability null");
        });

        yield return new("customer: external id crm:42/a b, escaped as one segment", async c =>
        {
            var profile = await c.Client().Customers.GetAsync("crm:42/a b");
            Expect.Equal("cust_0d7e4a19", profile.CustomerId, "customer_id");
            Expect.That(c.Exchanges[0].Target.EndsWith("/v1/customers/crm%3A42%2Fa%20b", StringComparison.Ordinal),
                $"the id sent as one escaped segment, sent {c.Exchanges[0].Target}");
            Expect.Equal("/v1/customers/crm:42/a b", c.Sandbox.ReceivedRequests[^1].Path, "the path the sandbox read");
        });

        yield return new("prediction: churn_v3, every scalar kind", async c =>
        {
            var result = await c.Client().Predictions.PredictAsync(new PredictionRequest
            {
                ModelId = "churn_v3",
                Features = new Dictionary<string, object?>
                {
                    ["tenure_months"] = 14, ["plan"] = "pro", ["support_tickets_30d"] = 5, ["is_annual"] = false, ["referrer"] = null,
                },
            });
            Expect.That(result.Prediction.Length > 0, "a prediction");
        });

        yield return new("prediction: ltv_v1", async c =>
            Expect.That((await c.Client().Predictions.PredictAsync(new PredictionRequest
            {
                ModelId = "ltv_v1",
                Features = new Dictionary<string, object?> { ["tenure_months"] = 30, ["plan"] = "enterprise" },
            })).Prediction.Length > 0, "a prediction"));

        foreach (var (format, mediaType, request) in ExportRequests())
        {
            yield return new($"export: {format}, synchronous ({(request.TemplateId is null ? "query" : "template")})", async c =>
            {
                await using var file = await c.Client().Reports.ExportAsync(request);
                Expect.Equal(mediaType, file.ContentType, "content type");
                Expect.That(file.FileName.EndsWith("." + format, StringComparison.Ordinal), $"a .{format} file name, got {file.FileName}");
                // Prism re-encodes non-JSON bodies as UTF-8 text: only that a body arrived is checked here, never its bytes.
                Expect.That(await file.CopyToAsync(Stream.Null) > 0, "a non-empty file");
            });
        }

        yield return new("export: 202 Accepted, status polled (processing, ready), downloaded", async c =>
        {
            c.Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 1);
            await using var file = await c.Client().Reports.ExportAsync(new ReportExportRequest
            {
                TemplateId = "tmpl_monthly_revenue",
                Format = ReportFormat.Csv,
            });
            Expect.Equal("text/csv", file.ContentType, "content type");
            Expect.Equal("POST 202, GET 200, GET 200, GET 200", string.Join(", ", c.Exchanges.Select(e => $"{e.Method} {e.Status}")), "the exchanges");
        });

        yield return new("export: 202 step by step (start, status, download)", async c =>
        {
            c.Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 0);
            var client = c.Client();
            await using var start = await client.Reports.StartExportAsync(new ReportExportRequest { TemplateId = "tmpl_refunds", Format = ReportFormat.Pdf });
            Expect.That(!start.IsReady, "202 Accepted");
            var status = await client.Reports.GetReportStatusAsync(start.Pending!.ReportId);
            Expect.Equal(ReportStatus.Ready, status.Status, "status");
            await using var file = await client.Reports.DownloadReportAsync(status.ReportId);
            Expect.Equal("application/pdf", file.ContentType, "content type");
        });

        yield return new("schedules: create", async c =>
        {
            var schedule = await c.Client().Reports.CreateScheduleAsync(new ReportScheduleRequest
            {
                TemplateId = "tmpl_q3_performance",
                Format = ReportFormat.Pdf,
                Cron = "0 6 * * 1",
                TimeZone = "Europe/Berlin",
                Recipients = ["ops@example.com", "cfo@example.com"],
            });
            Expect.That(schedule.ScheduleId.Length > 0 && schedule.NextRunAt is not null, "an id and next_run_at");
        });

        yield return new("schedules: list, two per page, following next_cursor", async c =>
        {
            var ids = new List<string>();
            await foreach (var schedule in c.Client().Reports.ListSchedulesAsync(pageSize: 2))
            {
                ids.Add(schedule.ScheduleId);
            }

            Expect.Equal(3, ids.Count, "schedules listed");
            Expect.Equal(2, c.Exchanges.Count, "pages fetched");
        });

        yield return new("schedules: one page, server's default size", async c =>
            Expect.That(!(await c.Client().Reports.GetSchedulesPageAsync()).HasMore, "one page holding every schedule"));

        yield return new("schedules: delete", async c =>
        {
            var client = c.Client();
            var first = (await client.Reports.GetSchedulesPageAsync(pageSize: 1)).Items[0];
            await client.Reports.DeleteScheduleAsync(first.ScheduleId);
            Expect.Equal(204, c.Exchanges[^1].Status, "status");
        });
    }

    private static IEnumerable<(string Format, string MediaType, ReportExportRequest Request)> ExportRequests()
    {
        yield return ("csv", "text/csv", new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Csv });
        yield return ("pdf", "application/pdf", new ReportExportRequest
        {
            TemplateId = "tmpl_q3_performance",
            Format = ReportFormat.Pdf,
            IncludeCharts = true,
            DateRange = new DateRange { Start = new DateOnly(2024, 10, 1), End = new DateOnly(2024, 12, 31) },
        });
        yield return ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new ReportExportRequest
        {
            Query = RegionRevenueSql,
            Format = ReportFormat.Xlsx,
        });
    }
}
