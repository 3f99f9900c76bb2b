namespace DataPulse.Client;

/// <summary>
/// The server accepted an export but could not generate the report: its status became <c>failed</c>.
/// <see cref="Error"/> carries what the server said.
/// </summary>
public sealed class DataPulseReportFailedException : DataPulseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="reportId">The report that failed.</param>
    /// <param name="error">What the server said, when it said anything.</param>
    /// <param name="operation">The operation that failed, for example <c>Reports.Export</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="reportId"/> is null, empty or white space.</exception>
    public DataPulseReportFailedException(string message, string reportId, DataPulseApiError? error, string? operation = null)
        : base(message, operation, null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportId);
        ReportId = reportId;
        Error = error;
    }

    /// <summary>The report that failed, for example <c>rpt_81b2</c>.</summary>
    public string ReportId { get; }

    /// <summary>What the server said, when it said anything.</summary>
    public DataPulseApiError? Error { get; }

    /// <summary>The error <c>type</c>, when the server gave one.</summary>
    public string? ErrorType => Error?.Type;

    /// <summary>The error <c>code</c>, for example <c>report_generation_failed</c>, when the server gave one.</summary>
    public string? ErrorCode => Error?.Code;

    /// <summary>The trace id to quote to DataPulse support, when the server gave one.</summary>
    public string? TraceId => Error?.TraceId;
}
