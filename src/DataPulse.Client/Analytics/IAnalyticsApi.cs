using Refit;

namespace DataPulse.Client.Analytics;

/// <summary>The analytics endpoints: the shape of each request, built by Refit's generated code. The SDK reads every answer.</summary>
internal interface IAnalyticsApi
{
    [Get("/v1/analytics/kpis")]
    Task<HttpResponseMessage> GetKpiSummary(
        [AliasAs("period")] string? period, [AliasAs("vertical")] string? vertical, CancellationToken cancellationToken);

    [Post("/v1/analytics/query")]
    Task<HttpResponseMessage> Query([Body] HttpContent body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);
}
