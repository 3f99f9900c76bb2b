using System.Text;
using DataPulse.Client.Analytics;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.EndToEnd;

/// <summary>End to end: what an application does with one long-lived client: every operation, typed results, one file on disk.</summary>
public sealed class AppFlowTests
{
    [Fact]
    public async Task TypicalAppFlow_EveryOperationSucceedsWithTypedResults()
    {
        await using var session = new SandboxSession();
        using var folder = new TempFolder();
        using var client = session.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);
        var top = await client.Analytics.QueryAsync(
            "SELECT region, SUM(revenue) AS revenue FROM transactions GROUP BY region ORDER BY revenue DESC", limit: 2);
        var customer = await client.Customers.GetAsync("cust_92f8a3b1");
        var prediction = await client.Predictions.PredictAsync(new PredictionRequest
        {
            ModelId = "churn_v3",
            Features = new Dictionary<string, object?> { ["tenure_months"] = 14, ["plan"] = "pro", ["support_tickets_30d"] = 5, ["is_annual"] = false },
        });
        var saved = await session.DriveAsync(client.Reports.ExportToFileAsync(
            new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Csv },
            Path.Combine(folder.Path, "q3.csv")));

        kpis.Revenue.Should().Be(2845000m);
        kpis.ActiveUsers.Should().Be(18420);
        kpis.ConversionRate.Should().BeApproximately(0.042, 1e-9);
        kpis.ChurnRisk.Should().Be(ChurnRisk.Low);
        kpis.Trend.Should().Be(Trend.Upward);
        kpis.Period.Should().Be(KpiPeriod.ThirtyDays);
        kpis.Response.TraceId.Should().NotBeNullOrEmpty();

        top.Columns.Select(c => (c.Name, c.Type)).Should().Equal(("region", QueryColumnType.String), ("revenue", QueryColumnType.Number));
        top.Rows.Should().HaveCount(2);
        top.Rows[0].GetDecimal("revenue").Should().BeGreaterThanOrEqualTo(top.Rows[1].GetDecimal("revenue")!.Value);
        top.Meta.RowCount.Should().Be(2);
        top.Meta.Truncated.Should().BeTrue("four regions were cut to the limit of two");

        customer.CustomerId.Should().Be("cust_92f8a3b1");
        customer.Segments.Should().Equal("high_value", "early_adopter");
        customer.LifetimeValue.Should().Be(4820.50m);
        customer.LastInteraction.Should().Be(new DateTimeOffset(2025, 1, 14, 16, 22, 0, TimeSpan.Zero));
        customer.ChurnProbability.Should().BeInRange(0, 1);

        prediction.Prediction.Should().Be("churn_likely");
        prediction.Confidence.Should().BeInRange(0.5, 1);
        prediction.Reasons.Should().Contain("support_ticket_spike");
        prediction.ModelVersion.Should().Be("v3.2.1");
        prediction.ConfidenceInterval!.Lower.Should().BeLessThanOrEqualTo(prediction.Confidence);
        prediction.ConfidenceInterval.Upper.Should().BeGreaterThanOrEqualTo(prediction.Confidence);

        saved.FileName.Should().Be("q3_performance.csv");
        saved.ContentType.Should().Be("text/csv");
        saved.Path.Should().Be(Path.Combine(folder.Path, "q3.csv"));
        var csv = await File.ReadAllTextAsync(saved.Path, Encoding.UTF8);
        new FileInfo(saved.Path).Length.Should().Be(saved.Length);
        csv.Should().StartWith("region,revenue,orders\r\n");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(5, "a header and one line per region");
        Directory.GetFiles(folder.Path).Should().ContainSingle("no temporary file is left beside the report");

        session.Calls().Should().Equal(
            "GET /v1/analytics/kpis 200",
            "POST /v1/analytics/query 200",
            "GET /v1/customers/cust_92f8a3b1 200",
            "POST /v1/predictions 200",
            "POST /v1/reports/export 200");
    }
}
