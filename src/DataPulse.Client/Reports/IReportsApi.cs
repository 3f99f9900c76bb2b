using DataPulse.Client.Internal;
using Refit;

namespace DataPulse.Client.Reports;

/// <summary>The report endpoints, as Refit's generated code calls them.</summary>
internal interface IReportsApi
{
    // The answer is the file itself (200) or a pending report (202): Refit hands back the unread, unbuffered response.
    [Post("/v1/reports/export")]
    [Headers("Accept: text/csv, application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json")]
    Task<HttpResponseMessage> Export(
        [Body] ExportBody body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    // Raw, for the Retry-After header that paces polling.
    [Get("/v1/reports/{reportId}")]
    Task<HttpResponseMessage> GetReport(string reportId, CancellationToken cancellationToken);

    [Get("/v1/reports/{reportId}/download")]
    [Headers("Accept: text/csv, application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json")]
    Task<HttpResponseMessage> DownloadReport(string reportId, CancellationToken cancellationToken);

    [Post("/v1/reports/schedules")]
    Task<IApiResponse<ReportSchedule>> CreateSchedule(
        [Body] ScheduleBody body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/reports/schedules")]
    Task<IApiResponse<DataEnvelope<IReadOnlyList<ReportSchedule>, CursorMeta>>> ListSchedules(
        [AliasAs("limit")] int? limit, [AliasAs("cursor")] string? cursor, CancellationToken cancellationToken);

    [Delete("/v1/reports/schedules/{scheduleId}")]
    Task<HttpResponseMessage> DeleteSchedule(string scheduleId, CancellationToken cancellationToken);
}
