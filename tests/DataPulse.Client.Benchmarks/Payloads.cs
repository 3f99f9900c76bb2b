using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace DataPulse.Client.Benchmarks;

/// <summary>The answers the benchmarks serve, taken from the wire contract (contract/CONTRACT.md).</summary>
public static class Payloads
{
    public const string ApiKey = "dp_live_sk_000000000000000000000000000000";

    public const string KpiPath = "v1/analytics/kpis?period=30d&vertical=retail";

    public const string QueryPath = "v1/analytics/query";

    public const string Sql = "SELECT region, revenue, orders, active, created_at, day FROM sales";

    public const int QueryRows = 10_000;

    public static readonly Uri FakeBase = new("https://api.datapulse.io/");

    public static readonly byte[] KpiJson = Encoding.UTF8.GetBytes(
        """{ "data": { "revenue": 2845000, "active_users": 18420, "conversion_rate": 0.042, "churn_risk": "low", "trend": "upward", "period": "30d" }, "meta": { "generated_at": "2025-01-15T08:30:00Z", "cache_hit": true } }""");

    /// <summary>A 10,000-row, 6-column answer, one column of each common type, with some null cells.</summary>
    public static readonly byte[] QueryJson = BuildQuery(QueryRows);

    /// <summary>The client a caller would set up by hand: a base address and the bearer key on every request.</summary>
    public static HttpClient HandWrittenClient(HttpMessageHandler handler, Uri baseAddress)
    {
        var client = new HttpClient(handler) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    private static byte[] BuildQuery(int rows)
    {
        string[] regions = ["EMEA", "NA", "APAC", "LATAM"];
        var json = new StringBuilder(
            """{ "data": { "columns": [ { "name": "region", "type": "string" }, { "name": "revenue", "type": "number" }, { "name": "orders", "type": "integer" }, { "name": "active", "type": "boolean" }, { "name": "created_at", "type": "timestamp" }, { "name": "day", "type": "date" } ], "rows": [""");
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < rows; i++)
        {
            var at = start.AddMinutes(i * 7);
            json.Append(i == 0 ? "[" : ",[")
                .Append('"').Append(regions[i % regions.Length]).Append("\",")
                .Append(CultureInfo.InvariantCulture, $"{1000.5m + (i * 3.25m)},")
                .Append(i % 50 == 0 ? "null" : (i * 13 % 997).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(i % 3 == 0 ? "true" : "false").Append(',')
                .Append('"').Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\",")
                .Append('"').Append(at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\"]");
        }

        json.Append(CultureInfo.InvariantCulture,
            $$"""] }, "meta": { "query_id": "qry_bench", "row_count": {{rows}}, "truncated": false, "execution_time_ms": 42, "generated_at": "2025-01-15T08:30:00Z" } }""");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
