using Refit;

namespace DataPulse.Client.Reports;

/// <summary>The report endpoints, as Refit's generated code calls them.</summary>
internal interface IReportsApi
{
    // The answer is the file itself: Refit hands back the unread, unbuffered response.
    [Post("/v1/reports/export")]
    [Headers("Accept: text/csv, application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json")]
    Task<HttpResponseMessage> Export(
        [Body] ExportBody body, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);
}
