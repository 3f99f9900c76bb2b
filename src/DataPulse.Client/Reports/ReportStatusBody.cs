namespace DataPulse.Client.Reports;

/// <summary>The wire body of a 202 export answer and of <c>GET /v1/reports/{report_id}</c>.</summary>
internal sealed record ReportStatusBody(string? ReportId, ReportStatus Status, DataPulseApiError? Error);
