namespace DataPulse.Client.Testing.Data;

/// <summary>Seeded KPI figures per vertical and period. Without a vertical, the figures cover all three.</summary>
internal static class Kpis
{
    public static readonly string[] Periods = ["7d", "30d", "90d", "1y"];

    public static readonly string[] Verticals = ["retail", "saas", "finance"];

    public const string GeneratedAt = "2025-01-15T08:30:00Z";

    // 30-day figures; the other periods scale them. Retail's are the contract's own example.
    private static readonly Dictionary<string, (decimal Revenue, long ActiveUsers, double ConversionRate, string ChurnRisk, string Trend)> Base =
        new(StringComparer.Ordinal)
        {
            ["retail"] = (2845000m, 18420, 0.042, "low", "upward"),
            ["saas"] = (1190500m, 6310, 0.067, "medium", "flat"),
            ["finance"] = (5420750m, 2975, 0.018, "high", "downward"),
            ["all"] = (9456250m, 27705, 0.041, "medium", "upward"),
        };

    public static object For(string period, string? vertical)
    {
        var figures = Base[vertical ?? "all"];
        var (revenueFactor, usersFactor) = period switch
        {
            "7d" => (0.23m, 0.61),
            "90d" => (3.08m, 1.72),
            "1y" => (12.6m, 3.4),
            _ => (1m, 1.0),
        };
        return new
        {
            Data = new
            {
                Revenue = decimal.Round(figures.Revenue * revenueFactor, 0),
                ActiveUsers = (long)Math.Round(figures.ActiveUsers * usersFactor),
                figures.ConversionRate,
                figures.ChurnRisk,
                figures.Trend,
                Period = period,
            },
            Meta = new { GeneratedAt, CacheHit = period == "30d" },
        };
    }
}
