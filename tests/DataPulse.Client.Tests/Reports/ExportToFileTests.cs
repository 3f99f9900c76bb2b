using System.Text;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Reports;

public sealed class ExportToFileTests : IDisposable, IClassFixture<ApiServer>
{
    private static readonly ReportExportRequest SandboxRefunds = new() { TemplateId = "tmpl_refunds", Format = ReportFormat.Csv };

    private const int MiB = 1024 * 1024;
    private static readonly ReportExportRequest ExportRequest = new() { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Csv };

    private readonly ApiServer _api;
    private readonly TempFolder _folder = new();

    public ExportToFileTests(ApiServer api) => _api = api.Reset();

    private string Target => Path.Combine(_folder.Path, "report.csv");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ExportToFileAsync_WholeBody_ReturnsPathServerNameLengthAndType()
    {
        _api.Server.Given(Request.Create().WithPath("/v1/reports/export").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "text/csv")
                .WithHeader("Content-Disposition", "attachment; filename=\"q3_performance.csv\"")
                .WithBody("region,revenue\nEMEA,1203400.5\n"));
        using var client = _api.CreateClient();

        var saved = await client.Reports.ExportToFileAsync(ExportRequest, Target);

        saved.Should().BeEquivalentTo(new { Path = Target, FileName = "q3_performance.csv", Length = 30L, ContentType = "text/csv" });
        (await File.ReadAllTextAsync(Target)).Should().Be("region,revenue\nEMEA,1203400.5\n");
        Directory.GetFiles(_folder.Path).Should().ContainSingle();
    }

    [Fact]
    public async Task ExportToFileAsync_FolderMissing_ThrowsAndSendsNothing()
    {
        using var client = _api.CreateClient();

        var act = () => client.Reports.ExportToFileAsync(ExportRequest, Path.Combine(_folder.Path, "missing", "report.csv"));

        await act.Should().ThrowAsync<DirectoryNotFoundException>();
        _api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ExportToFileAsync_ContentLengthKnown_ReportsBytesAndTotal()
    {
        await using var responder = new ScriptedServer(ScriptedServer.File(declaredLength: 1 * MiB));
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = responder.BaseAddress));
        var progress = new RecordingProgress();

        await client.Reports.ExportToFileAsync(ExportRequest, Target, progress);

        progress.Reports.Should().NotBeEmpty()
            .And.OnlyContain(p => p.TotalBytes == 1 * MiB)
            .And.BeInAscendingOrder(p => p.BytesReceived);
        progress.Reports[^1].BytesReceived.Should().Be(1 * MiB);
    }

    [Fact]
    public async Task ExportToFileAsync_CancelledMidway_ThrowsAndLeavesNoFile()
    {
        await using var responder = new ScriptedServer(ScriptedServer.File(declaredLength: 8 * MiB, bytesToSend: 1 * MiB, BodyEnding.Stall));
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = responder.BaseAddress));
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(p =>
        {
            if (p.BytesReceived >= 512 * 1024)
            {
                cts.Cancel();
            }
        });

        var act = () => client.Reports.ExportToFileAsync(ExportRequest, Target, progress, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        progress.Reports.Should().NotBeEmpty("the download was under way when it was cancelled");
        Directory.GetFileSystemEntries(_folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task ExportToFileAsync_ConnectionDroppedMidway_ThrowsConnectionExceptionAndLeavesNoFile()
    {
        await using var responder = new ScriptedServer(ScriptedServer.File(declaredLength: 8 * MiB, bytesToSend: 1 * MiB, BodyEnding.Reset));
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = responder.BaseAddress));

        var act = () => client.Reports.ExportToFileAsync(ExportRequest, Target);

        await act.Should().ThrowAsync<DataPulseConnectionException>();
        Directory.GetFileSystemEntries(_folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task ExportToFileAsync_BodyShorterThanContentLength_ThrowsAndLeavesNoFile()
    {
        await using var responder = new ScriptedServer(ScriptedServer.File(declaredLength: 2 * MiB, bytesToSend: 1 * MiB, BodyEnding.Close));
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = responder.BaseAddress));

        var act = () => client.Reports.ExportToFileAsync(ExportRequest, Target);

        await act.Should().ThrowExactlyAsync<DataPulseConnectionException>();
        Directory.GetFileSystemEntries(_folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task ExportToFileAsync_FailsMidway_LeavesExistingTargetUntouched()
    {
        await File.WriteAllTextAsync(Target, "last week's report");
        await using var responder = new ScriptedServer(ScriptedServer.File(declaredLength: 8 * MiB, bytesToSend: 1 * MiB, BodyEnding.Reset));
        using var client = new DataPulseClient(_api.Options(o => o.BaseAddress = responder.BaseAddress));

        var act = () => client.Reports.ExportToFileAsync(ExportRequest, Target);

        await act.Should().ThrowExactlyAsync<DataPulseConnectionException>();
        (await File.ReadAllTextAsync(Target)).Should().Be("last week's report");
        Directory.GetFileSystemEntries(_folder.Path).Should().ContainSingle();
    }

    [Fact]
    public async Task ExportToFileAsync_DownloadDroppedMidway_ThrowsConnectionAndLeavesNoFile()
    {
        await using var session = new SandboxSession();
        session.Sandbox.DropDownloadMidway();
        using var client = session.CreateClient();
        var target = Path.Combine(_folder.Path, "refunds.csv");

        var act = () => session.DriveAsync(client.Reports.ExportToFileAsync(SandboxRefunds, target));

        var thrown = (await act.Should().ThrowAsync<DataPulseException>()).Which;
        thrown.Should().BeOfType<DataPulseConnectionException>(thrown.ToString());
        File.Exists(target).Should().BeFalse();
        Directory.GetFileSystemEntries(_folder.Path).Should().BeEmpty("the partial download must be deleted, not left beside the target");
    }

    [Fact]
    public async Task ExportToFileAsync_DownloadDroppedMidway_LeavesAnExistingTargetUnchanged()
    {
        await using var session = new SandboxSession();
        var target = Path.Combine(_folder.Path, "refunds.csv");
        var previous = Encoding.UTF8.GetBytes("last week's report\r\n");
        await File.WriteAllBytesAsync(target, previous);
        session.Sandbox.DropDownloadMidway();
        using var client = session.CreateClient();

        var act = () => session.DriveAsync(client.Reports.ExportToFileAsync(SandboxRefunds, target));

        await act.Should().ThrowAsync<DataPulseConnectionException>();
        (await File.ReadAllBytesAsync(target)).Should().Equal(previous);
        Directory.GetFileSystemEntries(_folder.Path).Should().Equal(target);
    }

    [Fact]
    public async Task ExportToFileAsync_AsynchronousDownloadDroppedMidway_ThrowsConnectionAndLeavesNoFile()
    {
        await using var session = new SandboxSession();
        session.Sandbox.MakeExportsAsynchronous(pollsBeforeReady: 0);
        session.Sandbox.DropDownloadMidway();
        using var client = session.CreateClient();
        var target = Path.Combine(_folder.Path, "refunds.csv");

        var act = () => session.DriveAsync(client.Reports.ExportToFileAsync(SandboxRefunds, target));

        await act.Should().ThrowAsync<DataPulseConnectionException>();
        session.Sandbox.ReceivedRequests[^1].Path.Should().EndWith("/download");
        Directory.GetFileSystemEntries(_folder.Path).Should().BeEmpty();
    }
}
