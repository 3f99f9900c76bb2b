using System.Net;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;
using Polly;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Reports;

public sealed class AsyncReportTests : IClassFixture<ApiServer>
{
    private static readonly ReportExportRequest SandboxMonthlyRevenue = new() { TemplateId = "tmpl_monthly_revenue", Format = ReportFormat.Xlsx };

    private const string ReportId = "rpt_81b2";
    private static readonly ReportExportRequest ExportRequest = new() { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Csv };

    private readonly ApiServer _api;
    private readonly TimerRecordingClock _time = new();

    public AsyncReportTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task ExportAsync_Accepted_PollsAsRetryAfterAsksThenDownloads()
    {
        GivenExportAccepted(retryAfterSeconds: 20);
        GivenStatusSequence(("processing", 30, null), ("ready", null, null));
        GivenDownload("region,revenue\nEMEA,1\n");
        using var client = CreateClient();

        await using var file = await _time.RunAsync(client.Reports.ExportAsync(ExportRequest));

        _time.Waits.Should().Equal(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
        file.FileName.Should().Be("q3_performance.csv");
        using var reader = new StreamReader(file.Content);
        (await reader.ReadToEndAsync()).Should().Be("region,revenue\nEMEA,1\n");
        _api.Requests.Select(r => $"{r.RequestMessage.Method} {r.RequestMessage.Path}").Should().Equal(
            "POST /v1/reports/export",
            $"GET /v1/reports/{ReportId}",
            $"GET /v1/reports/{ReportId}",
            $"GET /v1/reports/{ReportId}/download");
    }

    [Fact]
    public async Task ExportToFileAsync_Accepted_WritesTheGeneratedReport()
    {
        GivenExportAccepted(retryAfterSeconds: 5);
        GivenStatusSequence(("ready", null, null));
        GivenDownload("a,b\n1,2\n");
        using var client = CreateClient();
        using var folder = new TempFolder();

        var saved = await _time.RunAsync(client.Reports.ExportToFileAsync(ExportRequest, Path.Combine(folder.Path, "out.csv")));

        saved.Length.Should().Be(8);
        (await File.ReadAllTextAsync(saved.Path)).Should().Be("a,b\n1,2\n");
    }

    [Fact]
    public async Task ExportAsync_ReportFailed_ThrowsReportFailedWithServerError()
    {
        GivenExportAccepted(retryAfterSeconds: 5);
        GivenStatusSequence(("failed", null, """{ "type": "api_error", "code": "report_generation_failed", "message": "Template tmpl_q3_performance could not be rendered.", "trace_id": "trc_9d1" }"""));
        using var client = CreateClient();

        var act = () => _time.RunAsync(client.Reports.ExportAsync(ExportRequest));

        var thrown = (await act.Should().ThrowAsync<DataPulseReportFailedException>()).Which;
        thrown.ReportId.Should().Be(ReportId);
        thrown.ErrorCode.Should().Be("report_generation_failed");
        thrown.ErrorType.Should().Be("api_error");
        thrown.TraceId.Should().Be("trc_9d1");
        thrown.Message.Should().Contain("could not be rendered").And.Contain(ReportId);
        _api.Requests.Should().NotContain(r => r.RequestMessage.Path.EndsWith("/download", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportAsync_NotReadyWithinReportGenerationTimeout_ThrowsTimeout()
    {
        GivenExportAccepted(retryAfterSeconds: 20);
        GivenStatusSequence(("processing", 20, null));
        using var client = CreateClient(o => o.ReportGenerationTimeout = TimeSpan.FromMinutes(1));

        var act = () => _time.RunAsync(client.Reports.ExportAsync(ExportRequest));

        var thrown = (await act.Should().ThrowAsync<DataPulseTimeoutException>()).Which;
        thrown.Kind.Should().Be(DataPulseTimeoutKind.ReportGeneration);
        thrown.Timeout.Should().Be(TimeSpan.FromMinutes(1));
        thrown.Message.Should().Contain("ReportGenerationTimeout").And.Contain(ReportId);
        _time.Waits.Should().Equal(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20));
        _api.Requests.Should().NotContain(r => r.RequestMessage.Path.EndsWith("/download", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportAsync_CancelledWhileWaiting_ThrowsOperationCanceledAndStopsPolling()
    {
        GivenExportAccepted(retryAfterSeconds: 20);
        using var client = CreateClient();
        using var cts = new CancellationTokenSource();

        var export = client.Reports.ExportAsync(ExportRequest, cts.Token);
        await _time.WaitForPendingTimerAsync();
        await cts.CancelAsync();

        await export.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        _api.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task StartExportAsync_Accepted_ReturnsPendingReportWithoutPolling()
    {
        GivenExportAccepted(retryAfterSeconds: 20);
        using var client = CreateClient();

        using var start = await client.Reports.StartExportAsync(ExportRequest);

        start.IsReady.Should().BeFalse();
        start.Pending.Should().BeEquivalentTo(new { ReportId, Status = ReportStatus.Processing, RetryAfter = TimeSpan.FromSeconds(20) });
        _api.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task GetReportStatusAsync_Failed_ReturnsServerError()
    {
        GivenStatusSequence(("failed", null, """{ "type": "api_error", "code": "report_generation_failed", "message": "boom" }"""));
        using var client = CreateClient();

        var status = await client.Reports.GetReportStatusAsync(ReportId);

        status.Status.Should().Be(ReportStatus.Failed);
        status.Error.Should().BeEquivalentTo(new DataPulseApiError { StatusCode = HttpStatusCode.OK, Type = "api_error", Code = "report_generation_failed", Message = "boom" });
    }

    [Theory]
    [InlineData(null, 5_000)]
    [InlineData(0, 100)]
    [InlineData(50, 100)]
    [InlineData(250, 250)]
    [InlineData(1_000, 1_000)]
    [InlineData(20_000, 20_000)]
    [InlineData(3_600_000, 60_000)]
    public void PollDelay_HonoursRetryAfterWithinOneTenthOfASecondToOneMinute(int? retryAfterMilliseconds, int expectedMilliseconds) =>
        ReportsClient.PollDelay(retryAfterMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null)
            .Should().Be(TimeSpan.FromMilliseconds(expectedMilliseconds));

    [Fact]
    public async Task ExportAsync_RetryAfterZero_PollsAgainAfterTheMinimumInterval()
    {
        GivenExportAccepted(retryAfterSeconds: 0);
        GivenStatusSequence(("processing", 0, null), ("ready", null, null));
        GivenDownload("a,b\n1,2\n");
        using var client = CreateClient();

        await using var file = await _time.RunAsync(client.Reports.ExportAsync(ExportRequest));

        _time.Waits.Should().Equal(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task ExportAsync_NoRetryAfter_PollsEveryFiveSeconds()
    {
        GivenExportAccepted(retryAfterSeconds: null);
        GivenStatusSequence(("processing", null, null), ("ready", null, null));
        GivenDownload("a,b\n1,2\n");
        using var client = CreateClient();

        await using var file = await _time.RunAsync(client.Reports.ExportAsync(ExportRequest));

        _time.Waits.Should().Equal(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Options_ReportGenerationTimeoutNotPositive_IsRejectedByName()
    {
        var act = () => new DataPulseClient(_api.Options(o => o.ReportGenerationTimeout = TimeSpan.Zero));

        act.Should().Throw<ArgumentException>().WithMessage("*ReportGenerationTimeout*");
    }

    private DataPulseClient CreateClient(Action<DataPulseClientOptions>? configure = null) => _api.CreateClient(o =>
    {
        o.TimeProvider = _time;

        // No retry timers, and deadlines the clock never jumps to: every timer it jumps to is a poll wait.
        o.ResiliencePipeline = ResiliencePipeline<HttpResponseMessage>.Empty;
        o.Timeout = o.AttemptTimeout = TimeSpan.FromDays(1);
        configure?.Invoke(o);
    });

    private void GivenExportAccepted(int? retryAfterSeconds)
    {
        var response = Response.Create().WithStatusCode(HttpStatusCode.Accepted)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("Location", $"/v1/reports/{ReportId}")
            .WithBody($$"""{ "report_id": "{{ReportId}}", "status": "processing" }""");
        if (retryAfterSeconds is { } seconds)
        {
            response = response.WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _api.Server.Given(Request.Create().WithPath("/v1/reports/export").UsingPost()).RespondWith(response);
    }

    private void GivenStatusSequence(params (string Status, int? RetryAfter, string? Error)[] answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            var (status, retryAfter, error) = answers[i];
            var response = Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json")
                .WithBody($$"""{ "report_id": "{{ReportId}}", "status": "{{status}}"{{(error is null ? "" : ", \"error\": " + error)}} }""");
            if (retryAfter is { } seconds)
            {
                response = response.WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var mapping = _api.Server.Given(Request.Create().WithPath($"/v1/reports/{ReportId}").UsingGet());
            if (answers.Length > 1)
            {
                mapping = mapping.InScenario("status");
            }

            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"s{i}");
            }
            if (i < answers.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"s{i + 1}");
            }

            mapping.RespondWith(response);
        }
    }

    private void GivenDownload(string body) =>
        _api.Server.Given(Request.Create().WithPath($"/v1/reports/{ReportId}/download").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "text/csv")
                .WithHeader("Content-Disposition", "attachment; filename=\"q3_performance.csv\"")
                .WithBody(body));

    [Fact]
    public async Task ExportToFileAsync_AsynchronousExport_WritesTheCompleteFileThrough202Flow()
    {
        await using var session = new SandboxSession();
        using var folder = new TempFolder();
        using var client = session.CreateClient();
        var expected = await ExportBytesAsync(client, SandboxMonthlyRevenue);
        session.Sandbox.Reset();
        session.Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 2);
        var progress = new RecordingProgress();

        var saved = await session.DriveAsync(client.Reports.ExportToFileAsync(SandboxMonthlyRevenue, Path.Combine(folder.Path, "revenue.xlsx"), progress));

        (await File.ReadAllBytesAsync(saved.Path)).Should().Equal(expected, "the file is the same whether the report was ready at once or later");
        saved.Length.Should().Be(expected.Length);
        saved.FileName.Should().Be("monthly_revenue.xlsx");
        saved.ContentType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        progress.Reports[^1].Should().Be(new DownloadProgress(expected.Length, expected.Length));
        session.Calls().Should().HaveCount(5);
        session.Calls()[0].Should().Be("POST /v1/reports/export 202");
        session.Calls().Skip(1).Should().SatisfyRespectively(
            poll => poll.Should().MatchRegex("^GET /v1/reports/rpt_[0-9a-f]{4} 200$"),
            poll => poll.Should().MatchRegex("^GET /v1/reports/rpt_[0-9a-f]{4} 200$"),
            poll => poll.Should().MatchRegex("^GET /v1/reports/rpt_[0-9a-f]{4} 200$"),
            download => download.Should().MatchRegex("^GET /v1/reports/rpt_[0-9a-f]{4}/download 200$"));
        session.Clock.Timers.Should().Contain(TimeSpan.FromMilliseconds(100), "the sandbox's Retry-After: 0 is followed after the SDK's 100 ms minimum poll interval");
        Directory.GetFiles(folder.Path).Should().ContainSingle();
    }

    private static async Task<byte[]> ExportBytesAsync(DataPulseClient client, ReportExportRequest request)
    {
        await using var file = await client.Reports.ExportAsync(request);
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        return content.ToArray();
    }
}
