namespace DataPulse.Client.Reports;

/// <summary>A report to export: from a template or from a query (exactly one), in a format.</summary>
public sealed record ReportExportRequest
{
    /// <summary>The report template, for example <c>tmpl_q3_performance</c>. Set this or <see cref="Query"/>, not both.</summary>
    public string? TemplateId { get; init; }

    /// <summary>The SQL-like query the report is built from. Set this or <see cref="TemplateId"/>, not both.</summary>
    public string? Query { get; init; }

    /// <summary>The file format. Required.</summary>
    public required ReportFormat Format { get; init; }

    /// <summary>Whether the report includes charts.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool IncludeCharts { get; init; }

    /// <summary>The dates the report covers; the template's own range when omitted.</summary>
    public DateRange? DateRange { get; init; }

    /// <summary>
    /// The <c>Idempotency-Key</c> to send. The client sends a fresh one per call by default, the same on every retry of
    /// that call; set this to make a call you repeat yourself deduplicate on the server. The API's contract asks for a GUID:
    /// 32 hex digits, hyphenated or in braces (<c>Guid.ToString()</c> in the <c>N</c>, <c>D</c> or <c>B</c> format), sent as
    /// given; anything else throws <see cref="ArgumentException"/> and nothing is sent.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
