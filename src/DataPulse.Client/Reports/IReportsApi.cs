using DataPulse.Client.Configuration;
using DataPulse.Client.Pipeline;
using Refit;

namespace DataPulse.Client.Reports;

/// <summary>
/// The report endpoints: the shape of each request, built by Refit's generated code. The SDK reads every answer; the two
/// that answer with a file say so (<see cref="CallHandler.StreamsOption"/>), so that file is streamed, never buffered. Each
/// operation that answers JSON comes twice: with the call's own options and without
/// (<see cref="CallHandler.RequestOptionsOption"/>); the two that stream a file always carry the options, or null.
/// </summary>
internal interface IReportsApi
{
    [Post("/v1/reports/export")]
    [Headers("Accept: text/csv, application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json")]
    Task<HttpResponseMessage> Export(
        [Body] HttpContent body,
        [Header("Idempotency-Key")] string idempotencyKey,
        [Property(CallHandler.StreamsOption)] bool streams,
        [Property(CallHandler.RequestOptionsOption)] CallOptions? requestOptions,
        CancellationToken cancellationToken);

    [Get("/v1/reports/{reportId}")]
    Task<HttpResponseMessage> GetReport(string reportId, CancellationToken cancellationToken);

    [Get("/v1/reports/{reportId}")]
    Task<HttpResponseMessage> GetReport(
        string reportId, [Property(CallHandler.RequestOptionsOption)] CallOptions requestOptions, CancellationToken cancellationToken);

    [Get("/v1/reports/{reportId}/download")]
    [Headers("Accept: text/csv, application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json")]
    Task<HttpResponseMessage> DownloadReport(
        string reportId,
        [Property(CallHandler.StreamsOption)] bool streams,
        [Property(CallHandler.RequestOptionsOption)] CallOptions? requestOptions,
        CancellationToken cancellationToken);

    [Post("/v1/reports/schedules")]
    Task<HttpResponseMessage> CreateSchedule([Body] HttpContent body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/v1/reports/schedules")]
    Task<HttpResponseMessage> CreateSchedule(
        [Body] HttpContent body,
        [Header("Idempotency-Key")] string idempotencyKey,
        [Property(CallHandler.RequestOptionsOption)] CallOptions requestOptions,
        CancellationToken cancellationToken);

    [Get("/v1/reports/schedules")]
    Task<HttpResponseMessage> ListSchedules([AliasAs("limit")] int? limit, [AliasAs("cursor")] string? cursor, CancellationToken cancellationToken);

    [Get("/v1/reports/schedules")]
    Task<HttpResponseMessage> ListSchedules(
        [AliasAs("limit")] int? limit,
        [AliasAs("cursor")] string? cursor,
        [Property(CallHandler.RequestOptionsOption)] CallOptions requestOptions,
        CancellationToken cancellationToken);

    [Delete("/v1/reports/schedules/{scheduleId}")]
    Task<HttpResponseMessage> DeleteSchedule(string scheduleId, CancellationToken cancellationToken);

    [Delete("/v1/reports/schedules/{scheduleId}")]
    Task<HttpResponseMessage> DeleteSchedule(
        string scheduleId, [Property(CallHandler.RequestOptionsOption)] CallOptions requestOptions, CancellationToken cancellationToken);
}
