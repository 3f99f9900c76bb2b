using System.Text.Json.Serialization;

namespace DataPulse.Client.Reports;

/// <summary>The wire body of <c>POST /v1/reports/schedules</c>.</summary>
internal sealed record ScheduleBody(
    string TemplateId,
    ReportFormat Format,
    string Cron,
    [property: JsonPropertyName("timezone")] string TimeZone,
    IReadOnlyList<string> Recipients);

/// <summary>The <c>meta</c> of a cursor-paged list.</summary>
internal sealed record CursorMeta(string? NextCursor);
