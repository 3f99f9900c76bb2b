namespace DataPulse.Client.Tests.EndToEnd;

/// <summary>A caller's own row type for a GROUP BY region query: columns <c>region</c>, <c>sum_revenue</c>, <c>orders</c>.</summary>
public sealed record RegionTotals(string Region, decimal SumRevenue, long Orders);
