using System.Text.Json;

namespace DataPulse.Client.Testing.Data;

/// <summary>The seeded prediction models: <c>churn_v3</c> and <c>ltv_v1</c>. Scores follow from the features, so equal inputs give equal answers.</summary>
internal static class Models
{
    public static bool Exists(string modelId) => modelId is "churn_v3" or "ltv_v1";

    public static object Predict(string modelId, JsonElement features) =>
        modelId == "churn_v3" ? Churn(features) : LifetimeValue(features);

    private static object Churn(JsonElement features)
    {
        var tenure = Number(features, "tenure_months") ?? 12;
        var tickets = Number(features, "support_tickets_30d") ?? 0;
        var annual = Bool(features, "is_annual") ?? false;
        var score = Math.Clamp(0.45 + (0.08 * tickets) - (0.012 * tenure) - (annual ? 0.2 : 0), 0.03, 0.97);
        var likely = score >= 0.5;
        var reasons = new List<string>();
        if (tickets >= 3)
        {
            reasons.Add("support_ticket_spike");
        }

        if (tenure < 6)
        {
            reasons.Add("short_tenure");
        }

        reasons.Add(annual ? "annual_commitment" : "declining_engagement");
        var confidence = Math.Round(likely ? score : 1 - score, 2);
        return new
        {
            Prediction = likely ? "churn_likely" : "churn_unlikely",
            Confidence = confidence,
            Reasons = reasons,
            ModelVersion = "v3.2.1",
            ConfidenceInterval = new
            {
                Lower = Math.Round(Math.Max(0, confidence - 0.06), 2),
                Upper = Math.Round(Math.Min(1, confidence + 0.06), 2),
            },
        };
    }

    // Answers without a confidence interval: the contract lets it be absent.
    private static object LifetimeValue(JsonElement features)
    {
        var spend = Number(features, "monthly_spend") ?? 100;
        var tier = spend >= 1000 ? "high_value" : spend >= 200 ? "medium_value" : "low_value";
        return new
        {
            Prediction = tier,
            Confidence = 0.78,
            Reasons = new[] { "spend_level", "plan_mix" },
            ModelVersion = "v1.0.4",
        };
    }

    private static double? Number(JsonElement features, string name) =>
        features.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static bool? Bool(JsonElement features, string name) =>
        features.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
}
