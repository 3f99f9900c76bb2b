// DataPulse.Client quickstart: all five operations. With no DATAPULSE_API_KEY it runs against the in-process
// sandbox (DataPulse.Client.Testing); set the key (and optionally DATAPULSE_BASE_URL) to call the real API.
using DataPulse.Client;
using DataPulse.Client.Analytics;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;
using DataPulse.Client.Testing;

var apiKey = Environment.GetEnvironmentVariable("DATAPULSE_API_KEY");
await using var sandbox = string.IsNullOrWhiteSpace(apiKey) ? DataPulseSandbox.Start() : null;
using var client = sandbox is not null
    ? sandbox.CreateClient()
    : new DataPulseClient(new DataPulseClientOptions
    {
        ApiKey = apiKey,
        BaseAddress = Environment.GetEnvironmentVariable("DATAPULSE_BASE_URL") is { Length: > 0 } url
            ? new Uri(url)
            : DataPulseClientOptions.ProductionBaseAddress,
    });
Console.WriteLine(sandbox is not null ? $"Using the local sandbox at {sandbox.BaseAddress}" : $"Using {client.BaseAddress}");

try
{
    // 1. KPI summary
    var kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);
    Console.WriteLine($"\nKPIs ({kpis.Period}): revenue {kpis.Revenue:N0}, active users {kpis.ActiveUsers:N0}, " +
                      $"conversion {kpis.ConversionRate:P1}, churn risk {kpis.ChurnRisk}, trend {kpis.Trend}");

    // 2. Ad-hoc query
    var result = await client.Analytics.QueryAsync(
        "SELECT region, SUM(revenue) FROM transactions GROUP BY region ORDER BY revenue DESC", limit: 10);
    Console.WriteLine($"\nQuery {result.Meta.QueryId}: {result.Meta.RowCount} rows in {result.Meta.ExecutionTimeMs} ms");
    Console.WriteLine($"  {"region",-8} {"sum_revenue",14}");
    foreach (var row in result.Rows)
    {
        Console.WriteLine($"  {row.GetString("region"),-8} {row.GetDecimal("sum_revenue"),14:N2}");
    }

    // 3. Customer profile (an external id works too: "crm:42/a b")
    var customer = await client.Customers.GetAsync("cust_92f8a3b1");
    Console.WriteLine($"\nCustomer {customer.CustomerId}: segments [{string.Join(", ", customer.Segments)}], " +
                      $"lifetime value {customer.LifetimeValue:N2}, churn probability {customer.ChurnProbability:P0}");

    // 4. Prediction
    var prediction = await client.Predictions.PredictAsync(new PredictionRequest
    {
        ModelId = "churn_v3",
        Features = new Dictionary<string, object?> { ["tenure_months"] = 14, ["plan"] = "pro", ["support_tickets_30d"] = 5, ["is_annual"] = false },
    });
    Console.WriteLine($"\nPrediction ({prediction.ModelVersion}): {prediction.Prediction} at {prediction.Confidence:P0} " +
                      $"because {string.Join(", ", prediction.Reasons)}");

    // 5. Report export, streamed to a file
    await using var report = await client.Reports.ExportAsync(new ReportExportRequest
    {
        TemplateId = "tmpl_q3_performance",
        Format = ReportFormat.Csv,
        DateRange = new DateRange { Start = new DateOnly(2024, 10, 1), End = new DateOnly(2024, 12, 31) },
    });
    var folder = Directory.CreateTempSubdirectory("datapulse-quickstart-").FullName;
    var path = Path.Combine(folder, report.FileName);
    var bytes = await report.SaveToFileAsync(path);
    Console.WriteLine($"\nExported {report.FileName} ({report.ContentType}, {bytes:N0} bytes) to {path}");
    return 0;
}
catch (DataPulseException ex)
{
    Console.Error.WriteLine($"DataPulse call failed: {ex.Message}");
    return 1;
}
