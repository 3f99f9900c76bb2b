using System.Text;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Reports;

public sealed class ReportsClientTests : IClassFixture<ApiServer>
{
    private const string Path = "/v1/reports/export";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 5000) + "\n%%EOF");
    private readonly ApiServer _api;

    public ReportsClientTests(ApiServer api) => _api = api.Reset();

    private static ReportExportRequest TemplateRequest(string? idempotencyKey = null) => new()
    {
        TemplateId = "tmpl_q3_performance",
        Format = ReportFormat.Pdf,
        IncludeCharts = true,
        DateRange = new DateRange { Start = new DateOnly(2024, 10, 1), End = new DateOnly(2024, 12, 31) },
        IdempotencyKey = idempotencyKey,
    };

    private void StubPdf(string disposition = "attachment; filename=\"q3_performance.pdf\"") =>
        _api.StubFile(Path, Pdf, "application/pdf", disposition);

    [Fact]
    public async Task ExportAsync_Template_PostsContractBody()
    {
        StubPdf();
        using var client = _api.CreateClient();

        using var file = await client.Reports.ExportAsync(TemplateRequest());

        SentRequest.Of(_api.SingleRequest())
            .HasMethod("POST")
            .HasPath(Path)
            .HasNoQuery()
            .HasBearer(ApiServer.ApiKey)
            .HasUserAgent()
            .HasJsonBody("""
                { "template_id": "tmpl_q3_performance", "format": "pdf", "include_charts": true,
                  "date_range": { "start": "2024-10-01", "end": "2024-12-31" } }
                """);
    }

    [Fact]
    public async Task ExportAsync_Query_PostsQueryObjectAndOmitsTemplateAndDateRange()
    {
        StubPdf();
        using var client = _api.CreateClient();

        using var file = await client.Reports.ExportAsync(new ReportExportRequest { Query = "SELECT * FROM sales", Format = ReportFormat.Csv });

        SentRequest.Of(_api.SingleRequest()).HasJsonBody("""
            { "query": { "sql": "SELECT * FROM sales" }, "format": "csv", "include_charts": false }
            """);
    }

    [Fact]
    public async Task ExportAsync_AcceptsTheFileTypesAndJson()
    {
        StubPdf();
        using var client = _api.CreateClient();

        using var file = await client.Reports.ExportAsync(TemplateRequest());

        var accept = SentRequest.Of(_api.SingleRequest()).Header("Accept");
        accept.Should().Contain("application/pdf").And.Contain("text/csv")
            .And.Contain("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").And.Contain("application/json");
    }

    [Fact]
    public async Task ExportAsync_EachCall_SendsAFreshGuidIdempotencyKey()
    {
        StubPdf();
        using var client = _api.CreateClient();

        (await client.Reports.ExportAsync(TemplateRequest())).Dispose();
        (await client.Reports.ExportAsync(TemplateRequest())).Dispose();

        var keys = _api.Requests.Select(r => SentRequest.Of(r).IdempotencyKey()).ToList();
        keys.Should().HaveCount(2).And.OnlyHaveUniqueItems().And.AllSatisfy(k => Guid.TryParse(k, out _).Should().BeTrue());
    }

    [Fact]
    public async Task ExportAsync_CallerIdempotencyKey_IsSentAsGiven()
    {
        StubPdf();
        using var client = _api.CreateClient();

        using var file = await client.Reports.ExportAsync(TemplateRequest("3b9e6f1a8c2d4e5fa7b0c1d2e3f4a5b6"));

        SentRequest.Of(_api.SingleRequest()).IdempotencyKey().Should().Be("3b9e6f1a8c2d4e5fa7b0c1d2e3f4a5b6");
    }

    [Fact]
    public async Task ExportAsync_File_MapsNameTypeAndResponseInfo()
    {
        StubPdf();
        using var client = _api.CreateClient();

        using var file = await client.Reports.ExportAsync(TemplateRequest());

        file.FileName.Should().Be("q3_performance.pdf");
        file.ContentType.Should().Be("application/pdf");
        file.Length.Should().BeNull("WireMock answers chunked, without Content-Length");
        file.Response.TraceId.Should().Be(ApiServerExtensions.TraceId);
        file.Response.RateLimit.Remaining.Should().Be(ApiServerExtensions.RateLimitRemaining);
        file.Response.RateLimit.Limit.Should().Be(ApiServerExtensions.RateLimitLimit);
    }

    [Fact]
    public async Task ExportAsync_ContentLength_IsTheFileLength()
    {
        await using var server = new ScriptedServer(ScriptedServer.File(12_345, contentType: "text/csv", fileName: "sales.csv", fill: (byte)'x'));
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = server.BaseAddress));

        using var file = await client.Reports.ExportAsync(TemplateRequest() with { Format = ReportFormat.Csv });

        file.Length.Should().Be(12_345);
        file.ContentType.Should().Be("text/csv");
        file.FileName.Should().Be("sales.csv");
    }

    [Fact]
    public async Task CopyToAsync_CopiesTheWholeBody()
    {
        StubPdf();
        using var client = _api.CreateClient();
        using var file = await client.Reports.ExportAsync(TemplateRequest());
        using var destination = new MemoryStream();

        var copied = await file.CopyToAsync(destination);

        copied.Should().Be(Pdf.Length);
        destination.ToArray().Should().Equal(Pdf);
    }

    [Fact]
    public async Task CopyToAsync_KnownLength_ReportsProgressUpToIt()
    {
        await using var server = new ScriptedServer(ScriptedServer.File(300_000, contentType: "text/csv", fileName: "sales.csv", fill: (byte)'x'));
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = server.BaseAddress));
        using var file = await client.Reports.ExportAsync(TemplateRequest() with { Format = ReportFormat.Csv });
        var reports = new List<DownloadProgress>();
        using var destination = new MemoryStream();

        var copied = await file.CopyToAsync(destination, new SynchronousProgress(reports.Add));

        copied.Should().Be(300_000);
        destination.ToArray().Should().HaveCount(300_000).And.OnlyContain(b => b == (byte)'x');
        reports.Should().NotBeEmpty();
        reports.Select(r => r.BytesReceived).Should().BeInAscendingOrder();
        reports[^1].Should().Be(new DownloadProgress(300_000, 300_000));
    }

    [Fact]
    public async Task CopyToAsync_Twice_Throws()
    {
        StubPdf();
        using var client = _api.CreateClient();
        using var file = await client.Reports.ExportAsync(TemplateRequest());
        await file.CopyToAsync(Stream.Null);

        var act = () => file.CopyToAsync(Stream.Null);

        await act.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task SaveToFileAsync_WritesTheFile()
    {
        StubPdf();
        using var client = _api.CreateClient();
        using var folder = new TempFolder();
        using var file = await client.Reports.ExportAsync(TemplateRequest());
        var path = System.IO.Path.Combine(folder.Path, file.FileName);

        var written = await file.SaveToFileAsync(path);

        written.Should().Be(Pdf.Length);
        (await File.ReadAllBytesAsync(path)).Should().Equal(Pdf);
        Directory.GetFiles(folder.Path).Should().Equal([path], "the temporary part file is moved into place");
    }

    [Theory]
    [InlineData("attachment; filename=\"../../x.pdf\"")]
    [InlineData("attachment; filename=\"..\\\\..\\\\x.pdf\"")]
    [InlineData("attachment; filename=\"/etc/x.pdf\"")]
    [InlineData("attachment; filename*=UTF-8''..%2F..%2Fx.pdf")]
    public async Task ExportAsync_PathTraversalFileName_IsMadeSafe(string disposition)
    {
        StubPdf(disposition);
        using var client = _api.CreateClient();
        using var folder = new TempFolder();

        using var file = await client.Reports.ExportAsync(TemplateRequest());
        await file.SaveToFileAsync(System.IO.Path.Combine(folder.Path, file.FileName));

        file.FileName.Should().Be("x.pdf");
        Directory.GetFiles(folder.Path).Select(System.IO.Path.GetFileName).Should().Equal("x.pdf");
    }

    [Theory]
    [InlineData(300, "")]
    [InlineData(120, "é")]
    public async Task ExportAsync_FileNameLongerThanAFileSystemAllows_IsShortened_KeepingItsExtension(int repeat, string letter)
    {
        var stem = string.Concat(Enumerable.Repeat(letter.Length == 0 ? "q" : letter, repeat));
        StubPdf($"attachment; filename*=UTF-8''{Uri.EscapeDataString(stem)}.pdf");
        using var client = _api.CreateClient();
        using var folder = new TempFolder();

        var saved = await client.Reports.ExportToFileAsync(TemplateRequest(), System.IO.Path.Combine(folder.Path, "first.pdf"));
        using var file = await client.Reports.ExportAsync(TemplateRequest());
        await file.SaveToFileAsync(System.IO.Path.Combine(folder.Path, file.FileName));

        saved.FileName.Should().EndWith(".pdf");
        System.Text.Encoding.UTF8.GetByteCount(file.FileName).Should().BeLessThanOrEqualTo(180);
        file.FileName.Should().StartWith(stem[..10]).And.EndWith(".pdf");
        Directory.GetFiles(folder.Path).Should().HaveCount(2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("attachment; filename=\"..\"")]
    [InlineData("attachment")]
    public async Task ExportAsync_NoUsableFileName_FallsBackToReportWithExtension(string? disposition)
    {
        _api.StubFile(Path, Pdf, "application/pdf", disposition);
        using var client = _api.CreateClient();

        using var file = await client.Reports.ExportAsync(TemplateRequest());

        file.FileName.Should().Be("report.pdf");
    }

    [Fact]
    public async Task ExportAsync_BothTemplateAndQuery_ThrowsAndSendsNothing()
    {
        using var client = _api.CreateClient();

        var act = () => client.Reports.ExportAsync(TemplateRequest() with { Query = "SELECT 1" });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*TemplateId*Query*both*");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task ExportAsync_NeitherTemplateNorQuery_ThrowsAndSendsNothing()
    {
        using var client = _api.CreateClient();

        var act = () => client.Reports.ExportAsync(new ReportExportRequest { Format = ReportFormat.Pdf });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*TemplateId*Query*neither*");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task ExportAsync_DateRangeStartAfterEnd_ThrowsAndSendsNothing()
    {
        using var client = _api.CreateClient();
        var backwards = new DateRange { Start = new DateOnly(2025, 1, 2), End = new DateOnly(2025, 1, 1) };

        var act = () => client.Reports.ExportAsync(TemplateRequest() with { DateRange = backwards });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*DateRange*2025-01-02*2025-01-01*");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task ExportAsync_OneDayRange_IsSent()
    {
        StubPdf();
        using var client = _api.CreateClient();
        var oneDay = new DateRange { Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 1, 1) };

        using var file = await client.Reports.ExportAsync(TemplateRequest() with { DateRange = oneDay });

        _api.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task ExportAsync_MissingFormat_ThrowsAndSendsNothing()
    {
        using var client = _api.CreateClient();

        var act = () => client.Reports.ExportAsync(TemplateRequest() with { Format = default });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*Format*");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task ExportAsync_NullRequest_ThrowsArgumentNull()
    {
        using var client = _api.CreateClient();

        var act = () => client.Reports.ExportAsync(null!);

        await act.Should().ThrowAsync<ArgumentNullException>();
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task ExportAsync_ErrorStatus_ThrowsTypedException()
    {
        _api.StubJson("POST", Path, ContractExamples.Error("permission_error", "reports_not_enabled", "Reports are not enabled."), 403);
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        var act = () => client.Reports.ExportAsync(TemplateRequest());

        var thrown = (await act.Should().ThrowAsync<DataPulsePermissionDeniedException>()).Which;
        thrown.ErrorCode.Should().Be("reports_not_enabled");
        thrown.Operation.Should().Be("Reports.Export");
    }

    private sealed class SynchronousProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
