using DataPulse.Client;
using DataPulse.Client.Analytics;
using DataPulse.Client.Predictions;

// Calls each JSON shape once against the canned server given as the first argument and prints what it read.
using var client = new DataPulseClient(new DataPulseClientOptions
{
    ApiKey = "dp_test_sk_000000000000000000000000000000",
    BaseAddress = new Uri(args[0]),
    MaxRetries = 0,
});

var kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);
Console.WriteLine($"kpis: revenue={kpis.Revenue} trend={kpis.Trend} cache_hit={kpis.Meta.CacheHit} trace={kpis.Response.TraceId}");

var query = await client.Analytics.QueryAsync("SELECT region, SUM(revenue) FROM transactions GROUP BY region");
Console.WriteLine($"query: rows={query.Rows.Count} first={query.Rows[0].GetString("region")}:{query.Rows[0].GetDecimal(1)}");

var prediction = await client.Predictions.PredictAsync(new PredictionRequest
{
    ModelId = "churn_v3",
    Features = new Dictionary<string, object?> { ["tenure_months"] = 14, ["plan"] = "pro", ["is_annual"] = false },
});
Console.WriteLine($"prediction: {prediction.Prediction} confidence={prediction.Confidence}");

try
{
    await client.Customers.GetAsync("nobody");
}
catch (DataPulseNotFoundException ex)
{
    Console.WriteLine($"not_found: code={ex.ErrorCode} trace={ex.TraceId}");
}
