using Refit;

namespace DataPulse.Client.Benchmarks;

/// <summary>The analytics calls as a caller would declare them for Refit (its source generator builds the client): the bare-Refit baseline.</summary>
public interface IRefitAnalyticsApi
{
    [Get("/v1/analytics/kpis")]
    Task<KpiEnvelope> GetKpis([AliasAs("period")] string period, [AliasAs("vertical")] string vertical, CancellationToken cancellationToken = default);

    [Post("/v1/analytics/query")]
    Task<TypedQueryEnvelope> Query([Body] QueryBodyDto body, CancellationToken cancellationToken = default);
}
