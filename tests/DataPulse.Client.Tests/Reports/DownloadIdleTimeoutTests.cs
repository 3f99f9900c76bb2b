using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Reports;

/// <summary>A download whose connection goes silent ends with a timeout instead of hanging; a slow one completes.</summary>
public sealed class DownloadIdleTimeoutTests
{
    private static readonly ReportExportRequest Request = new() { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Csv };

    private static string Head(int contentLength) =>
        "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"q3.csv\"\r\n" +
        $"Content-Length: {contentLength}\r\nConnection: close\r\n\r\n";

    private static DataPulseClient Client(Uri baseAddress, TimeSpan idle) => new(new DataPulseClientOptions
    {
        ApiKey = ApiServer.ApiKey,
        BaseAddress = baseAddress,
        MaxRetries = 0,
        DownloadIdleTimeout = idle,
    });

    [Fact]
    public async Task SilentDownload_ThrowsTimeoutOfKindDownloadIdle()
    {
        // Headers promise 1,000 bytes; none ever arrives.
        await using var server = new ScriptedServer(ScriptedServer.Respond(Head(1_000), body: "x", bodyDelay: TimeSpan.FromMinutes(5)));
        using var client = Client(server.BaseAddress, TimeSpan.FromMilliseconds(300));
        await using var report = await client.Reports.ExportAsync(Request);

        var thrown = (await report.Invoking(r => r.CopyToAsync(Stream.Null)).Should().ThrowAsync<DataPulseTimeoutException>()).Which;

        thrown.Kind.Should().Be(DataPulseTimeoutKind.DownloadIdle);
        thrown.Timeout.Should().Be(TimeSpan.FromMilliseconds(300));
        thrown.Message.Should().Contain("DownloadIdleTimeout");
    }

    [Fact]
    public async Task SilentDownload_ToFile_LeavesNoFile()
    {
        await using var server = new ScriptedServer(ScriptedServer.Respond(Head(1_000), body: "x", bodyDelay: TimeSpan.FromMinutes(5)));
        using var client = Client(server.BaseAddress, TimeSpan.FromMilliseconds(300));
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "q3.csv");

        await client.Invoking(c => c.Reports.ExportToFileAsync(Request, target)).Should().ThrowAsync<DataPulseTimeoutException>();

        Directory.EnumerateFileSystemEntries(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task SlowDownload_WithPausesShorterThanTheIdleTimeout_Completes()
    {
        await using var server = new ScriptedServer(ScriptedServer.Respond(Head(5), body: "a,b\r\n", bodyDelay: TimeSpan.FromMilliseconds(300)));
        using var client = Client(server.BaseAddress, TimeSpan.FromSeconds(5));
        await using var report = await client.Reports.ExportAsync(Request);

        (await report.CopyToAsync(Stream.Null)).Should().Be(5);
    }

    [Fact]
    public void Options_DownloadIdleTimeoutNotPositive_IsRejectedByName()
    {
        var act = () => Client(new Uri("https://api.datapulse.io/"), TimeSpan.Zero);

        act.Should().Throw<ArgumentException>().WithMessage("*DownloadIdleTimeout*");
    }
}
