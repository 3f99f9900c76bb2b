namespace DataPulse.Client.Reports;

/// <summary>Why the server could not generate a report: the <c>error</c> object of a <c>failed</c> report status.</summary>
public sealed record ReportError
{
    /// <summary>The error <c>type</c>, for example <c>api_error</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The error <c>code</c>, for example <c>report_generation_failed</c>.</summary>
    public string? Code { get; init; }

    /// <summary>The server's own message.</summary>
    public string? Message { get; init; }

    /// <summary>The request parameter the error is about, when the server named one.</summary>
    public string? Param { get; init; }

    /// <summary>The trace id to quote to DataPulse support.</summary>
    public string? TraceId { get; init; }
}
