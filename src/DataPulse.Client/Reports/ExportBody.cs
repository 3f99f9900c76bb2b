namespace DataPulse.Client.Reports;

/// <summary>The wire body of an export.</summary>
internal sealed record ExportBody(string? TemplateId, ExportQuery? Query, ReportFormat Format, bool IncludeCharts, DateRange? DateRange);

/// <summary>The wire form of an export's query: <c>{ "sql": "…" }</c>.</summary>
internal sealed record ExportQuery(string Sql);
