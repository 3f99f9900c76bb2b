using System.Text;
using DataPulse.Client.Analytics;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using DataPulse.Client.Testing;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Resources;

public sealed class SeededDataTests : SandboxTests
{
    [Fact]
    public async Task EveryOperation_ServesSeededData()
    {
        using var client = Sandbox.CreateClient();

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

    [Theory]
    [InlineData("csv")]
    [InlineData("pdf")]
    [InlineData("xlsx")]
    public async Task SeededData_IsDeterministic_AcrossSandboxes(string format)
    {
        await using var other = DataPulseSandbox.Start();

        var first = await ExportBytesAsync(Sandbox, format);
        var second = await ExportBytesAsync(other, format);

        first.Should().NotBeEmpty().And.Equal(second);
        var magic = format switch { "pdf" => "%PDF", "xlsx" => "PK", _ => "order_date" };
        Encoding.ASCII.GetString(first, 0, magic.Length).Should().Be(magic);
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
}
