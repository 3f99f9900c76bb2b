namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>The wire contract's example bodies (contract/CONTRACT.md), verbatim, for stubbing the API.</summary>
public static class ContractExamples
{
    public const string KpiSummary = """
        { "data": { "revenue": 2845000, "active_users": 18420, "conversion_rate": 0.042,
                    "churn_risk": "low", "trend": "upward", "period": "30d" },
          "meta": { "generated_at": "2025-01-15T08:30:00Z", "cache_hit": true } }
        """;

    public const string QuerySql = "SELECT region, SUM(revenue) FROM transactions GROUP BY region ORDER BY revenue DESC";

    public const string QueryResult = """
        { "data": { "columns": [ { "name": "region", "type": "string" },
                                 { "name": "sum_revenue", "type": "number" } ],
                    "rows": [ ["EMEA", 1203400.5], ["NA", 998000], ["APAC", null] ] },
          "meta": { "query_id": "qry_5c1e9a", "row_count": 3, "truncated": false,
                    "execution_time_ms": 42, "generated_at": "2025-01-15T08:30:00Z" } }
        """;

    public const string CustomerProfile = """
        { "customer_id": "cust_92f8a3b1", "segments": ["high_value", "early_adopter"],
          "lifetime_value": 4820.50, "last_interaction": "2025-01-14T16:22:00Z", "churn_probability": 0.12 }
        """;

    public const string Prediction = """
        { "prediction": "churn_likely", "confidence": 0.87,
          "reasons": ["declining_engagement", "support_ticket_spike"], "model_version": "v3.2.1",
          "confidence_interval": { "lower": 0.81, "upper": 0.93 } }
        """;

    public const string PredictionWithoutInterval = """
        { "prediction": "churn_likely", "confidence": 0.87,
          "reasons": ["declining_engagement", "support_ticket_spike"], "model_version": "v3.2.1" }
        """;

    /// <summary>The contract's error body, with each field settable.</summary>
    public static string Error(string type, string code, string message, string? param = null, string? traceId = "trc_7f3a9c2e") =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["error"] = new Dictionary<string, object?>
            {
                ["type"] = type,
                ["code"] = code,
                ["message"] = message,
                ["param"] = param,
                ["trace_id"] = traceId,
            },
        });
}
