using DataPulse.Client.Configuration;
using DataPulse.Client.Pipeline;
using Refit;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The analytics endpoints: the shape of each request, built by Refit's generated code. The SDK reads every answer. Each
/// operation comes twice: with the call's own options and without (<see cref="CallHandler.RequestOptionsOption"/>).
/// </summary>
internal interface IAnalyticsApi
{
    [Get("/v1/analytics/kpis")]
    Task<HttpResponseMessage> GetKpiSummary(
        [AliasAs("period")] string? period,
        [AliasAs("vertical")] string? vertical,
        CancellationToken cancellationToken);

    [Get("/v1/analytics/kpis")]
    Task<HttpResponseMessage> GetKpiSummary(
        [AliasAs("period")] string? period,
        [AliasAs("vertical")] string? vertical,
        [Property(CallHandler.RequestOptionsOption)] CallOptions requestOptions,
        CancellationToken cancellationToken);

    [Post("/v1/analytics/query")]
    Task<HttpResponseMessage> Query([Body] HttpContent body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/v1/analytics/query")]
    Task<HttpResponseMessage> Query(
        [Body] HttpContent body,
        [Header("Idempotency-Key")] string idempotencyKey,
        [Property(CallHandler.RequestOptionsOption)] CallOptions requestOptions,
        CancellationToken cancellationToken);
}
