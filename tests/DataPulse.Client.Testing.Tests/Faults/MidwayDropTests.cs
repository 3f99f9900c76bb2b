using DataPulse.Client.Reports;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Faults;

public sealed class MidwayDropTests : SandboxTests
{
    private static readonly ReportExportRequest MonthlyRevenue = new() { TemplateId = "tmpl_monthly_revenue", Format = ReportFormat.Csv };

    [Fact]
    public async Task DropDownloadMidway_CutsTheFileAfterTheHeaders()
    {
        Sandbox.DropDownloadMidway();
        using var client = Sandbox.CreateClient(o => o.MaxRetries = 0);

        await using var report = await client.Reports.ExportAsync(MonthlyRevenue);
        var act = () => report.CopyToAsync(Stream.Null);

        report.Length.Should().BePositive();
        var thrown = (await act.Should().ThrowAsync<Exception>()).Which;
        thrown.Should().BeOfType<DataPulseConnectionException>(thrown.ToString());
    }

    [Fact]
    public async Task DropDownloadMidway_CutsOnlyTheNextFile()
    {
        Sandbox.DropDownloadMidway();
        using var client = Sandbox.CreateClient(o => o.MaxRetries = 0);
        await using (var dropped = await client.Reports.ExportAsync(MonthlyRevenue))
        {
            await FluentActions.Awaiting(() => dropped.CopyToAsync(Stream.Null)).Should().ThrowAsync<DataPulseConnectionException>();
        }

        await using var again = await client.Reports.ExportAsync(MonthlyRevenue);

        (await again.CopyToAsync(Stream.Null)).Should().Be(again.Length!.Value);
    }

    [Fact]
    public async Task DropDownloadMidway_LeavesJsonAnswersAlone()
    {
        Sandbox.DropDownloadMidway();
        using var client = Sandbox.CreateClient(o => o.MaxRetries = 0);

        await client.Customers.GetAsync("cust_92f8a3b1");
        await using var report = await client.Reports.ExportAsync(MonthlyRevenue);

        await FluentActions.Awaiting(() => report.CopyToAsync(Stream.Null)).Should().ThrowAsync<DataPulseConnectionException>(
            "the drop waits for the next file, whatever came before it");
    }
}
