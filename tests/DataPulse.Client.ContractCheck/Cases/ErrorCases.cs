using System.Net;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;

namespace DataPulse.Client.ContractCheck.Cases;

/// <summary>
/// Every error answer the sandbox gives to a request the contract allows: its own checks (400 with <c>param</c>,
/// <c>invalid_query</c>, 401, 403, 404, 409) and its scenarios (429 with <c>Retry-After</c>, any status through
/// <c>FailNextCalls</c>). A request the contract forbids never reaches the sandbox: Prism refuses it (see the proof cases).
/// </summary>
internal static class ErrorCases
{
    private const string UnknownKey = "dp_test_sk_unknownKey000000000000000000099";
    private const string LiveKey = "dp_live_sk_0000000000000000000000000000aa";

    public static IEnumerable<ContractCase> All()
    {
        yield return new("400 invalid_query: query (param sql)", async c =>
        {
            var ex = await Expect.ThrowsAsync<DataPulseBadRequestException>(() => c.Client().Analytics.QueryAsync("DROP TABLE transactions"));
            Expect.Equal("invalid_query", ex.ErrorCode, "code");
            Expect.Equal("sql", ex.Param, "param");
        });

        yield return new("400 invalid_query: export by query (param query.sql)", async c =>
        {
            var ex = await Expect.ThrowsAsync<DataPulseBadRequestException>(() =>
                c.Client().Reports.ExportAsync(new ReportExportRequest { Query = "SELECT nope FROM nowhere", Format = ReportFormat.Csv }));
            Expect.Equal("invalid_query", ex.ErrorCode, "code");
            Expect.Equal("query.sql", ex.Param, "param");
        });

        yield return new("400 invalid_cursor: schedules (param cursor)", async c =>
            Expect.Equal("cursor", (await Expect.ThrowsAsync<DataPulseBadRequestException>(() =>
                c.Client().Reports.GetSchedulesPageAsync(cursor: "not-a-cursor"))).Param, "param"));

        yield return new("400 parameter_invalid: schedules page size above the sandbox's 100 (param limit)", async c =>
            Expect.Equal("limit", (await Expect.ThrowsAsync<DataPulseBadRequestException>(() =>
                c.Client().Reports.GetSchedulesPageAsync(pageSize: 500))).Param, "param"));

        yield return new("401 unknown key", async c =>
            Expect.Equal("invalid_api_key", (await Expect.ThrowsAsync<DataPulseAuthenticationException>(() =>
                c.Client(o => o.ApiKey = UnknownKey).Customers.GetAsync("cust_92f8a3b1"))).ErrorCode, "code"));

        yield return new("401 live key on the sandbox", async c =>
            Expect.Equal("invalid_api_key", (await Expect.ThrowsAsync<DataPulseAuthenticationException>(() =>
                c.Client(o => o.ApiKey = LiveKey).Predictions.PredictAsync(Churn()))).ErrorCode, "code"));

        yield return new("403 read-only key: query (POST)", async c =>
            Expect.Equal("insufficient_permissions", (await Expect.ThrowsAsync<DataPulsePermissionDeniedException>(() =>
                c.Client(o => o.ApiKey = c.Sandbox.ReadOnlyApiKey).Analytics.QueryAsync("SELECT * FROM transactions"))).ErrorCode, "code"));

        yield return new("403 read-only key: schedule delete (DELETE)", async c =>
            await Expect.ThrowsAsync<DataPulsePermissionDeniedException>(() =>
                c.Client(o => o.ApiKey = c.Sandbox.ReadOnlyApiKey).Reports.DeleteScheduleAsync("sch_0001")));

        yield return new("404 customer", async c =>
            Expect.Equal("customer_not_found", (await Expect.ThrowsAsync<DataPulseNotFoundException>(() =>
                c.Client().Customers.GetAsync("cust_00000000"))).ErrorCode, "code"));

        yield return new("404 model", async c =>
            Expect.Equal("model_not_found", (await Expect.ThrowsAsync<DataPulseNotFoundException>(() =>
                c.Client().Predictions.PredictAsync(Churn() with { ModelId = "churn_v9" }))).ErrorCode, "code"));

        yield return new("404 template (export)", async c =>
            Expect.Equal("template_not_found", (await Expect.ThrowsAsync<DataPulseNotFoundException>(() =>
                c.Client().Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_nope", Format = ReportFormat.Pdf }))).ErrorCode, "code"));

        yield return new("404 template (schedule)", async c =>
            await Expect.ThrowsAsync<DataPulseNotFoundException>(() => c.Client().Reports.CreateScheduleAsync(new ReportScheduleRequest
            {
                TemplateId = "tmpl_nope", Format = ReportFormat.Csv, Cron = "0 6 * * 1", TimeZone = "UTC", Recipients = ["ops@example.com"],
            })));

        yield return new("404 report status", async c =>
            await Expect.ThrowsAsync<DataPulseNotFoundException>(() => c.Client().Reports.GetReportStatusAsync("rpt_ffff")));

        yield return new("404 report download", async c =>
            await Expect.ThrowsAsync<DataPulseNotFoundException>(() => c.Client().Reports.DownloadReportAsync("rpt_ffff")));

        yield return new("404 schedule delete", async c =>
            await Expect.ThrowsAsync<DataPulseNotFoundException>(() => c.Client().Reports.DeleteScheduleAsync("sch_ffff")));

        yield return new("409 report download before it is ready", async c =>
        {
            c.Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 5);
            var client = c.Client();
            await using var start = await client.Reports.StartExportAsync(new ReportExportRequest { TemplateId = "tmpl_refunds", Format = ReportFormat.Csv });
            var ex = await Expect.ThrowsAsync<DataPulseApiException>(() => client.Reports.DownloadReportAsync(start.Pending!.ReportId));
            Expect.Equal(HttpStatusCode.Conflict, ex.StatusCode, "status");
        });

        yield return new("503 FailNextCalls on an export (a file operation's error answer)", async c =>
        {
            c.Sandbox.FailNextCalls(1, HttpStatusCode.ServiceUnavailable);
            await Expect.ThrowsAsync<DataPulseServerException>(() =>
                c.Client().Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Pdf }));
        });

        yield return new("429 RateLimitNextCalls, Retry-After 7", async c =>
        {
            c.Sandbox.RateLimitNextCalls(1, TimeSpan.FromSeconds(7));
            var ex = await Expect.ThrowsAsync<DataPulseRateLimitException>(() => Unpaced(c).Analytics.GetKpiSummaryAsync());
            Expect.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter, "RetryAfter");
        });

        yield return new("429 then retried after Retry-After 0 (POST, same Idempotency-Key)", async c =>
        {
            c.Sandbox.RateLimitNextCalls(1, TimeSpan.Zero);
            await Unpaced(c, retries: 1).Predictions.PredictAsync(Churn());
            Expect.Equal("429, 200", string.Join(", ", c.Exchanges.Select(e => e.Status)), "the exchanges");
            Expect.That(c.Exchanges[0].IdempotencyKey is { } key && key == c.Exchanges[1].IdempotencyKey, "the retry to resend the Idempotency-Key");
        });

        yield return new("429 enforced rate limit (per key window), Retry-After to the reset", async c =>
        {
            var client = Unpaced(c);
            await client.Customers.GetAsync("cust_92f8a3b1");
            var ex = await Expect.ThrowsAsync<DataPulseRateLimitException>(() => client.Customers.GetAsync("cust_92f8a3b1"));
            Expect.That(ex.RetryAfter > TimeSpan.Zero && ex.RetryAfter <= TimeSpan.FromHours(1), $"a Retry-After within the window, got {ex.RetryAfter}");
        }, Through: Target.EnforcingSandbox);

        // Every status FailNextCalls takes, but 501: Prism's proxy answers an upstream 501 ("not implemented") with a mock
        // of its own built from the document's examples, so a 501 cannot be checked through it. 505 and 599 stand for
        // the other 5xx, 409 and 422 for the other 4xx.
        foreach (var (status, exception) in new (int, Type)[]
                 {
                     (400, typeof(DataPulseBadRequestException)), (401, typeof(DataPulseAuthenticationException)),
                     (403, typeof(DataPulsePermissionDeniedException)), (404, typeof(DataPulseNotFoundException)),
                     (409, typeof(DataPulseApiException)), (422, typeof(DataPulseApiException)),
                     (429, typeof(DataPulseRateLimitException)), (500, typeof(DataPulseServerException)),
                     (502, typeof(DataPulseServerException)), (503, typeof(DataPulseServerException)),
                     (504, typeof(DataPulseServerException)), (505, typeof(DataPulseServerException)),
                     (599, typeof(DataPulseServerException)),
                 })
        {
            yield return new($"{status} FailNextCalls", async c =>
            {
                c.Sandbox.FailNextCalls(1, (HttpStatusCode)status);
                var ex = (DataPulseApiException)await Expect.ThrowsAsync(exception, () => Unpaced(c).Customers.GetAsync("cust_92f8a3b1"));
                Expect.Equal(status, (int)ex.StatusCode, "status");
                Expect.That(ex.TraceId is not null, "a trace id");
            });
        }
    }

    private static PredictionRequest Churn() => new()
    {
        ModelId = "churn_v3",
        Features = new Dictionary<string, object?> { ["tenure_months"] = 14, ["plan"] = "pro" },
    };

    /// <summary>A client that does not pace: a 429's <c>Retry-After</c> and its <c>X-RateLimit-Remaining: 0</c> would
    /// otherwise hold every later case's calls on the key until the window resets.</summary>
    private static DataPulseClient Unpaced(CaseContext c, int retries = 0) => c.Client(o =>
    {
        o.RateLimitPacing = false;
        o.MaxRetries = retries;
    });
}
