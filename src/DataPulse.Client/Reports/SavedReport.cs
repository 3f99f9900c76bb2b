namespace DataPulse.Client.Reports;

/// <summary>A report written to a file by <see cref="IReportsClient.ExportToFileAsync(ReportExportRequest, string, IProgress{DownloadProgress}?, CancellationToken)"/>.</summary>
public sealed record SavedReport
{
    /// <summary>The full path of the file written.</summary>
    public required string Path { get; init; }

    /// <summary>The file name the server gave (<c>Content-Disposition</c>), made safe; it may differ from the name in <see cref="Path"/>.</summary>
    public required string FileName { get; init; }

    /// <summary>The number of bytes written.</summary>
    public required long Length { get; init; }

    /// <summary>The media type, for example <c>application/pdf</c>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The trace id and rate-limit window of the answer that carried the file.</summary>
    public DataPulseResponseInfo Response { get; init; } = DataPulseResponseInfo.None;
}
