namespace DataPulse.Samples.WebApp;

/// <summary>What <c>GET /kpis/{vertical}</c> answers.</summary>
public sealed record KpiView(string Vertical, decimal Revenue, long ActiveUsers, string Trend, string? TraceId);

/// <summary>What <c>GET /customers/{id}</c> answers.</summary>
public sealed record CustomerView(string CustomerId, IReadOnlyList<string> Segments, decimal LifetimeValue);
