using DataPulse.Client.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DataPulse.Client.Analytics;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using DataPulse.Client.Testing;

namespace DataPulse.Client.Tests.Sandbox;

public sealed class DataPulseSandboxTests : IAsyncLifetime
{
    private readonly DataPulseSandbox _sandbox = DataPulseSandbox.Start();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task EveryOperation_ServesSeededData()
    {
        using var client = _sandbox.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);
        kpis.Revenue.Should().Be(2845000m);
        kpis.ActiveUsers.Should().Be(18420);
        kpis.ChurnRisk.Should().Be(ChurnRisk.Low);
        kpis.Meta.GeneratedAt.Should().Be(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero));

        var query = await client.Analytics.QueryAsync("SELECT region, SUM(revenue) FROM transactions GROUP BY region ORDER BY revenue DESC");
        query.Columns.Select(c => c.Name).Should().Equal("region", "sum_revenue");
        query.Rows.Select(r => r.GetString("region")).Should().Equal("LATAM", "NA", "APAC", "EMEA");
        query.Rows[0].GetDecimal("sum_revenue").Should().Be(78227.50m);

        var customer = await client.Customers.GetAsync("crm:42/a b");
        customer.CustomerId.Should().Be("cust_0d7e4a19");
        customer.AdditionalFields.Should().ContainKey("sessions_last30d");

        var prediction = await client.Predictions.PredictAsync(new PredictionRequest
        {
            ModelId = "churn_v3",
            Features = new Dictionary<string, object?> { ["tenure_months"] = 14, ["support_tickets_30d"] = 5, ["is_annual"] = false },
        });
        prediction.Prediction.Should().Be("churn_likely");
        prediction.ConfidenceInterval.Should().NotBeNull();

        await using var report = await client.Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Csv });
        report.FileName.Should().Be("q3_performance.csv");
        report.ContentType.Should().Be("text/csv");
        using var content = new MemoryStream();
        var length = await report.CopyToAsync(content);
        length.Should().Be(report.Length!.Value);
        Encoding.UTF8.GetString(content.ToArray()).Should().StartWith("region,revenue,orders\r\nLATAM,78227.50,6\r\n");
    }

    [Fact]
    public async Task EveryResponse_CarriesTraceIdAndRateLimitHeaders()
    {
        using var client = _sandbox.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync();

        kpis.Response.TraceId.Should().MatchRegex("^trc_sbx[0-9a-f]{6}$");
        kpis.Response.RateLimit.Limit.Should().Be(1000);
        kpis.Response.RateLimit.Remaining.Should().Be(999);
        kpis.Response.RateLimit.ResetsAt.Should().NotBeNull();
        _sandbox.ReceivedRequests.Single().TraceId.Should().Be(kpis.Response.TraceId);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("pdf")]
    [InlineData("xlsx")]
    public async Task SeededData_IsDeterministic_AcrossSandboxes(string format)
    {
        await using var other = DataPulseSandbox.Start();

        var first = await ExportBytesAsync(_sandbox, format);
        var second = await ExportBytesAsync(other, format);

        first.Should().NotBeEmpty().And.Equal(second);
        var magic = format switch { "pdf" => "%PDF", "xlsx" => "PK", _ => "order_date" };
        Encoding.ASCII.GetString(first, 0, magic.Length).Should().Be(magic);
    }

    [Fact]
    public async Task MissingKey_Gets401_InTheContractShape()
    {
        using var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };

        using var response = await http.GetAsync("v1/analytics/kpis");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("X-Trace-Id").Should().ContainSingle();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        error.EnumerateObject().Select(p => p.Name).Should().Equal("type", "code", "message", "param", "trace_id");
        error.GetProperty("type").GetString().Should().Be("authentication_error");
        error.GetProperty("param").ValueKind.Should().Be(JsonValueKind.Null);
        error.GetProperty("trace_id").GetString().Should().Be(response.Headers.GetValues("X-Trace-Id").Single());
    }

    [Fact]
    public async Task UnknownKey_ThrowsAuthentication()
    {
        using var client = _sandbox.CreateClient(o => o.ApiKey = "dp_test_sk_" + new string('x', 30));

        var act = () => client.Analytics.GetKpiSummaryAsync();

        (await act.Should().ThrowAsync<DataPulseAuthenticationException>()).Which.ErrorCode.Should().Be("invalid_api_key");
    }

    [Fact]
    public async Task ReadOnlyKey_ReadsButGets403OnPost()
    {
        using var client = _sandbox.CreateClient(o => o.ApiKey = _sandbox.ReadOnlyApiKey);

        await client.Customers.GetAsync("cust_92f8a3b1");
        var act = () => client.Analytics.QueryAsync("SELECT * FROM transactions");

        (await act.Should().ThrowAsync<DataPulsePermissionDeniedException>()).Which.ErrorType.Should().Be("permission_error");
    }

    [Fact]
    public async Task InvalidParameter_Gets400WithParam()
    {
        using var client = _sandbox.CreateClient();

        var act = () => client.Analytics.GetKpiSummaryAsync(vertical: new Vertical("healthcare"));

        var error = (await act.Should().ThrowAsync<DataPulseBadRequestException>()).Which;
        error.Param.Should().Be("vertical");
        error.ErrorCode.Should().Be("parameter_invalid");
    }

    [Theory]
    [InlineData("DELETE FROM transactions")]
    [InlineData("SELECT * FROM users")]
    [InlineData("SELECT nope FROM transactions")]
    [InlineData("SELECT region FROM transactions JOIN customers ON 1 = 1")]
    public async Task UnsupportedQuery_GetsInvalidQuery(string sql)
    {
        using var client = _sandbox.CreateClient();

        var act = () => client.Analytics.QueryAsync(sql);

        var error = (await act.Should().ThrowAsync<DataPulseBadRequestException>()).Which;
        error.ErrorCode.Should().Be("invalid_query");
        error.Param.Should().Be("sql");
    }

    [Fact]
    public async Task Query_FiltersOrdersAndTruncates()
    {
        using var client = _sandbox.CreateClient();

        var result = await client.Analytics.QueryAsync(
            "SELECT transaction_id, revenue FROM transactions WHERE region = 'EMEA' AND is_refund = false ORDER BY revenue DESC", limit: 2);

        result.Meta.RowCount.Should().Be(2);
        result.Meta.Truncated.Should().BeTrue();
        result.Rows[0].GetDecimal("revenue").Should().BeGreaterThanOrEqualTo(result.Rows[1].GetDecimal("revenue")!.Value);
    }

    [Fact]
    public async Task UnknownIds_ThrowNotFound()
    {
        using var client = _sandbox.CreateClient();

        var customer = () => client.Customers.GetAsync("cust_missing");
        var model = () => client.Predictions.PredictAsync(new PredictionRequest
        {
            ModelId = "nope_v1",
            Features = new Dictionary<string, object?> { ["x"] = 1 },
        });

        await customer.Should().ThrowAsync<DataPulseNotFoundException>();
        (await model.Should().ThrowAsync<DataPulseNotFoundException>()).Which.ErrorCode.Should().Be("model_not_found");
    }

    [Fact]
    public async Task RateLimitNextCalls_WithoutRetries_ThrowsWithRetryAfter()
    {
        _sandbox.RateLimitNextCalls(1, TimeSpan.FromSeconds(7));
        using var client = _sandbox.CreateClient(o => o.MaxRetries = 0);

        var act = () => client.Analytics.GetKpiSummaryAsync();

        var error = (await act.Should().ThrowAsync<DataPulseRateLimitException>()).Which;
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        (await client.Analytics.GetKpiSummaryAsync()).Revenue.Should().BePositive();
    }

    [Fact]
    public async Task RateLimitNextCalls_IsRetriedBySdk()
    {
        _sandbox.RateLimitNextCalls(2, TimeSpan.Zero);
        using var client = _sandbox.CreateClient();

        await client.Customers.GetAsync("cust_92f8a3b1");

        _sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(429, 429, 200);
    }

    [Fact]
    public async Task FailNextCalls_ThrowsServerErrorWithTraceId()
    {
        _sandbox.FailNextCalls(1, HttpStatusCode.ServiceUnavailable);
        using var client = _sandbox.CreateClient(o => o.MaxRetries = 0);

        var act = () => client.Customers.GetAsync("cust_92f8a3b1");

        var error = (await act.Should().ThrowAsync<DataPulseServerException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        error.TraceId.Should().Be(_sandbox.ReceivedRequests.Single().TraceId);
    }

    [Fact]
    public async Task FailNextCalls_WithRetries_RecoversAfterTheFailures()
    {
        _sandbox.FailNextCalls(2, HttpStatusCode.BadGateway);
        using var client = _sandbox.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        _sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(502, 502, 200);
    }

    [Fact]
    public async Task AddLatency_DelaysResponses_AndTimesOutAShortAttempt()
    {
        _sandbox.AddLatency(TimeSpan.FromMilliseconds(250));
        using var client = _sandbox.CreateClient();
        using var impatient = _sandbox.CreateClient(o => { o.MaxRetries = 0; o.AttemptTimeout = TimeSpan.FromMilliseconds(50); });

        var started = System.Diagnostics.Stopwatch.StartNew();
        await client.Analytics.GetKpiSummaryAsync();
        started.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(240));

        var act = () => impatient.Analytics.GetKpiSummaryAsync();
        await act.Should().ThrowAsync<DataPulseTimeoutException>();
    }

    [Fact]
    public async Task MakeExportsAsynchronous_Serves202ThenStatusThenDownload()
    {
        // The SDK does not follow 202 yet, so this walks the flow over raw HTTP.
        _sandbox.MakeExportsAsynchronous(pollsBeforeReady: 2);
        using var http = AuthorizedHttpClient();

        using var accepted = await http.PostAsync("v1/reports/export",
            Json("""{ "template_id": "tmpl_refunds", "format": "csv" }"""));
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
        _sandbox.MakeExportsAsynchronous(pollsBeforeReady: 2);
        var clock = new TestClock();
        using var client = _sandbox.CreateClient(o => o.TimeProvider = clock);

        var export = client.Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_refunds", Format = ReportFormat.Pdf });
        await clock.DriveAsync(export, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        await using var report = await export;

        (await report.CopyToAsync(Stream.Null)).Should().Be(report.Length!.Value);
        var calls = _sandbox.ReceivedRequests.Select(r => $"{r.Method} {r.StatusCode}").ToList();
        calls.Should().Equal("POST 202", "GET 200", "GET 200", "GET 200", "GET 200");
        _sandbox.ReceivedRequests[^1].Path.Should().EndWith("/download");
    }

    [Fact]
    public async Task DropDownloadMidway_CutsTheFileAfterTheHeaders()
    {
        _sandbox.DropDownloadMidway();
        using var client = _sandbox.CreateClient(o => o.MaxRetries = 0);

        await using var report = await client.Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_monthly_revenue", Format = ReportFormat.Csv });
        var act = () => report.CopyToAsync(Stream.Null);

        report.Length.Should().BePositive();
        var thrown = (await act.Should().ThrowAsync<Exception>()).Which;
        thrown.Should().BeOfType<DataPulseConnectionException>(thrown.ToString());

        await using var again = await client.Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_monthly_revenue", Format = ReportFormat.Csv });
        (await again.CopyToAsync(Stream.Null)).Should().Be(again.Length!.Value);
    }

    [Fact]
    public async Task ReceivedRequests_RedactTheKey()
    {
        using var client = _sandbox.CreateClient();
        await client.Analytics.QueryAsync("SELECT COUNT(*) FROM transactions");

        var request = _sandbox.ReceivedRequests.Should().ContainSingle().Subject;

        request.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/analytics/query");
        request.Body.Should().Contain("\"sql\"");
        request.Headers["Authorization"].Should().Be("Bearer dp_test_sk_[REDACTED]0001");
        request.Headers.Values.Should().NotContain(v => v.Contains(_sandbox.ApiKey));
        (request.Body ?? string.Empty).Should().NotContain(_sandbox.ApiKey);
    }

    [Fact]
    public async Task Reset_ClearsScenariosRequestsAndCreatedData()
    {
        _sandbox.FailNextCalls(5, HttpStatusCode.InternalServerError);
        _sandbox.RateLimitNextCalls(5, TimeSpan.FromSeconds(30));
        _sandbox.AddLatency(TimeSpan.FromSeconds(5));
        _sandbox.MakeExportsAsynchronous();
        _sandbox.DropDownloadMidway();
        using var http = AuthorizedHttpClient();
        _sandbox.Reset();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var created = await http.PostAsync("v1/reports/schedules", Json(
            """{ "template_id": "tmpl_refunds", "format": "csv", "cron": "0 6 * * 1", "timezone": "UTC", "recipients": ["a@example.com"] }"""));
        created.StatusCode.Should().Be(HttpStatusCode.Created, "neither the failures nor the rate limit survive Reset");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "the 5 s latency does not survive Reset");
        using var export = await http.PostAsync("v1/reports/export", Json("""{ "template_id": "tmpl_refunds", "format": "csv" }"""));
        export.StatusCode.Should().Be(HttpStatusCode.OK, "exports are synchronous again after Reset");
        var file = await export.Content.ReadAsByteArrayAsync();
        file.LongLength.Should().Be(export.Content.Headers.ContentLength!.Value, "the drop scenario does not survive Reset");

        _sandbox.Reset();

        _sandbox.ReceivedRequests.Should().BeEmpty();
        using var page = JsonDocument.Parse(await http.GetStringAsync("v1/reports/schedules?limit=10"));
        page.RootElement.GetProperty("data").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public async Task Schedules_CreateListInPagesAndDelete()
    {
        using var http = AuthorizedHttpClient();

        using var invalid = await http.PostAsync("v1/reports/schedules", Json(
            """{ "template_id": "tmpl_refunds", "format": "csv", "cron": "weekly", "timezone": "UTC", "recipients": ["a@example.com"] }"""));
        using var created = await http.PostAsync("v1/reports/schedules", Json(
            """{ "template_id": "tmpl_refunds", "format": "csv", "cron": "0 6 * * 1", "timezone": "Europe/Berlin", "recipients": ["a@example.com"] }"""));
        using var first = JsonDocument.Parse(await http.GetStringAsync("v1/reports/schedules?limit=3"));
        var cursor = first.RootElement.GetProperty("meta").GetProperty("next_cursor").GetString();
        using var second = JsonDocument.Parse(await http.GetStringAsync("v1/reports/schedules?limit=3&cursor=" + cursor));
        using var deleted = await http.DeleteAsync("v1/reports/schedules/sch_0004");
        using var missing = await http.DeleteAsync("v1/reports/schedules/sch_0004");

        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).Should().Contain("\"param\":\"cron\"");
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        cursor.Should().Be("c_3");
        second.RootElement.GetProperty("data")[0].GetProperty("schedule_id").GetString().Should().Be("sch_0004");
        second.RootElement.GetProperty("meta").GetProperty("next_cursor").ValueKind.Should().Be(JsonValueKind.Null);
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<byte[]> ExportBytesAsync(DataPulseSandbox sandbox, string format)
    {
        using var client = sandbox.CreateClient();
        await using var report = await client.Reports.ExportAsync(new ReportExportRequest
        {
            TemplateId = "tmpl_monthly_revenue",
            Format = new ReportFormat(format),
            IncludeCharts = true,
        });
        using var content = new MemoryStream();
        await report.CopyToAsync(content);
        return content.ToArray();
    }

    private HttpClient AuthorizedHttpClient()
    {
        var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.ApiKey);
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
