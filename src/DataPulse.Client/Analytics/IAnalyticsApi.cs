using DataPulse.Client.Internal;
using Refit;

namespace DataPulse.Client.Analytics;

/// <summary>The analytics endpoints, as Refit's generated code calls them.</summary>
internal interface IAnalyticsApi
{
    [Get("/v1/analytics/kpis")]
    Task<IApiResponse<DataEnvelope<KpiSummary, KpiMeta>>> GetKpiSummary(
        [AliasAs("period")] string? period, [AliasAs("vertical")] string? vertical, CancellationToken cancellationToken);

    [Post("/v1/analytics/query")]
    Task<IApiResponse<DataEnvelope<QueryData, QueryMeta>>> Query(
        [Body] QueryBody body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);
}
