using Refit;

namespace DataPulse.Client.Benchmarks;

/// <summary>The KPI call as a caller would declare it for Refit (its source generator builds the client).</summary>
public interface IRefitKpiApi
{
    [Get("/v1/analytics/kpis")]
    Task<KpiEnvelope> GetKpis([AliasAs("period")] string period, [AliasAs("vertical")] string vertical, CancellationToken cancellationToken = default);
}
