namespace DataPulse.Client.Reports;

/// <summary>
/// A report the server generates asynchronously (an export answered <c>202 Accepted</c>), and where it stands. Poll it
/// with <see cref="IReportsClient.GetReportStatusAsync(string, CancellationToken)"/> and fetch it, once <see cref="ReportStatus.Ready"/>, with
/// <see cref="IReportsClient.DownloadReportAsync(string, CancellationToken)"/>.
/// </summary>
public sealed record ReportGeneration
{
    /// <summary>The server's id for the report, for example <c>rpt_81b2</c>.</summary>
    public required string ReportId { get; init; }

    /// <summary>Where the report stands.</summary>
    public required ReportStatus Status { get; init; }

    /// <summary>Why generation failed, when <see cref="Status"/> is <see cref="ReportStatus.Failed"/>.</summary>
    public DataPulseApiError? Error { get; init; }

    /// <summary>How long the server asked the client to wait before asking again (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The trace id and rate-limit window of the answer.</summary>
    public DataPulseResponseInfo Response { get; init; } = DataPulseResponseInfo.None;
}
