namespace DataPulse.Client.Testing.Data;

/// <summary>The seeded customer profiles, by customer id and by external id.</summary>
internal static class Customers
{
    private static readonly Dictionary<string, object> Profiles = new(StringComparer.Ordinal)
    {
        ["cust_92f8a3b1"] = new Profile("cust_92f8a3b1", ["high_value", "early_adopter"], 4820.50m, "2025-01-14T16:22:00Z", 0.12,
            Plan: "pro", Region: "EMEA", SessionsLast30d: 42, EmailOpensLast30d: 11),
        ["cust_1c4e7d20"] = new Profile("cust_1c4e7d20", ["smb", "at_risk"], 612.00m, "2024-12-02T09:05:00Z", 0.64,
            Plan: "starter", Region: "NA", SessionsLast30d: 3, EmailOpensLast30d: 0),
        ["cust_5a9b3f66"] = new Profile("cust_5a9b3f66", ["enterprise"], 98400.00m, "2025-01-15T07:48:00Z", 0.04,
            Plan: "enterprise", Region: "APAC", SessionsLast30d: 310, EmailOpensLast30d: 25),
        ["cust_0d7e4a19"] = new Profile("cust_0d7e4a19", ["imported", "high_value"], 15230.75m, "2025-01-10T12:00:00Z", 0.21,
            Plan: "pro", Region: "LATAM", SessionsLast30d: 57, EmailOpensLast30d: 6),
        ["cust_7b21c9e4"] = new Profile("cust_7b21c9e4", [], 0m, null, null,
            Plan: "trial", Region: "EMEA", SessionsLast30d: 1, EmailOpensLast30d: 0),
    };

    /// <summary>External ids (a CRM's own keys) that resolve to a seeded customer.</summary>
    private static readonly Dictionary<string, string> ExternalIds = new(StringComparer.Ordinal)
    {
        ["crm:42/a b"] = "cust_0d7e4a19",
        ["crm:7"] = "cust_92f8a3b1",
    };

    public static object? Find(string id) =>
        Profiles.TryGetValue(id, out var profile) ? profile
        : ExternalIds.TryGetValue(id, out var customerId) ? Profiles[customerId]
        : null;

    /// <summary>A profile on the wire: the contract's fields plus engagement fields the SDK keeps as additional fields.</summary>
    private sealed record Profile(
        string CustomerId,
        string[] Segments,
        decimal LifetimeValue,
        string? LastInteraction,
        double? ChurnProbability,
        string Plan,
        string Region,
        int SessionsLast30d,
        int EmailOpensLast30d);
}
