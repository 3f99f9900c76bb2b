using System.Text;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.EndToEnd;

public sealed class ReportsTests : SandboxTest, IDisposable
{
    private static readonly ReportExportRequest Refunds = new() { TemplateId = "tmpl_refunds", Format = ReportFormat.Csv };
    private static readonly ReportExportRequest MonthlyRevenue = new() { TemplateId = "tmpl_monthly_revenue", Format = ReportFormat.Xlsx };

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ExportToFileAsync_AsynchronousExport_WritesTheCompleteFileThrough202Flow()
    {
        using var client = CreateClient();
        var expected = await ExportBytesAsync(client, MonthlyRevenue);
        Sandbox.Reset();
        Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 2);
        var progress = new RecordingProgress();

        var saved = await DriveAsync(client.Reports.ExportToFileAsync(MonthlyRevenue, Target("revenue.xlsx"), progress));

        (await File.ReadAllBytesAsync(saved.Path)).Should().Equal(expected, "the file is the same whether the report was ready at once or later");
        saved.Length.Should().Be(expected.Length);
        saved.FileName.Should().Be("monthly_revenue.xlsx");
        saved.ContentType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        progress.Reports[^1].Should().Be(new DownloadProgress(expected.Length, expected.Length));
        Calls().Should().HaveCount(5);
        Calls()[0].Should().Be("POST /v1/reports/export 202");
        Calls().Skip(1).Should().SatisfyRespectively(
            poll => poll.Should().MatchRegex("^GET /v1/reports/rpt_[0-9a-f]{4} 200$"),
            poll => poll.Should().MatchRegex("^GET /v1/reports/rpt_[0-9a-f]{4} 200$"),
            poll => poll.Should().MatchRegex("^GET /v1/reports/rpt_[0-9a-f]{4} 200$"),
            download => download.Should().MatchRegex("^GET /v1/reports/rpt_[0-9a-f]{4}/download 200$"));
        Clock.Timers.Should().Contain(TimeSpan.FromSeconds(1), "the sandbox's Retry-After: 0 is clamped to the SDK's one-second minimum poll");
        Directory.GetFiles(_folder.Path).Should().ContainSingle();
    }

    [Fact]
    public async Task ExportToFileAsync_DownloadDroppedMidway_ThrowsConnectionAndLeavesNoFile()
    {
        Sandbox.DropDownloadMidway();
        using var client = CreateClient();
        var target = Target("refunds.csv");

        var act = () => DriveAsync(client.Reports.ExportToFileAsync(Refunds, target));

        var thrown = (await act.Should().ThrowAsync<DataPulseException>()).Which;
        thrown.Should().BeOfType<DataPulseConnectionException>(thrown.ToString());
        File.Exists(target).Should().BeFalse();
        Directory.GetFileSystemEntries(_folder.Path).Should().BeEmpty("the partial download must be deleted, not left beside the target");
    }

    [Fact]
    public async Task ExportToFileAsync_DownloadDroppedMidway_LeavesAnExistingTargetUnchanged()
    {
        var target = Target("refunds.csv");
        var previous = Encoding.UTF8.GetBytes("last week's report\r\n");
        await File.WriteAllBytesAsync(target, previous);
        Sandbox.DropDownloadMidway();
        using var client = CreateClient();

        var act = () => DriveAsync(client.Reports.ExportToFileAsync(Refunds, target));

        await act.Should().ThrowAsync<DataPulseConnectionException>();
        (await File.ReadAllBytesAsync(target)).Should().Equal(previous);
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal(target);
    }

    [Fact]
    public async Task ExportToFileAsync_AsynchronousDownloadDroppedMidway_ThrowsConnectionAndLeavesNoFile()
    {
        Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 0);
        Sandbox.DropDownloadMidway();
        using var client = CreateClient();
        var target = Target("refunds.csv");

        var act = () => DriveAsync(client.Reports.ExportToFileAsync(Refunds, target));

        await act.Should().ThrowAsync<DataPulseConnectionException>();
        Sandbox.ReceivedRequests[^1].Path.Should().EndWith("/download");
        Directory.GetFileSystemEntries(_folder.Path).Should().BeEmpty();
    }

    private string Target(string name) => Path.Combine(_folder.Path, name);

    private static async Task<byte[]> ExportBytesAsync(DataPulseClient client, ReportExportRequest request)
    {
        await using var file = await client.Reports.ExportAsync(request);
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        return content.ToArray();
    }
}
