namespace DataPulse.Client.Analytics;

/// <summary>The wire body of a query.</summary>
internal sealed record QueryBody(string Sql, int? Limit);
