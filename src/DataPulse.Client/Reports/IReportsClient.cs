namespace DataPulse.Client.Reports;

/// <summary>Report exports. Reach it through <see cref="IDataPulseClient.Reports"/>.</summary>
public interface IReportsClient
{
    /// <summary>
    /// Exports a report (<c>POST /v1/reports/export</c>) and returns it as a stream that reads the file as it arrives.
    /// Dispose the result.
    /// </summary>
    /// <param name="request">What to export, and in which format.</param>
    /// <param name="cancellationToken">Cancels the call (the download itself takes its own token).</param>
    /// <returns>The file, streamed.</returns>
    /// <exception cref="ArgumentException">Not exactly one of template id and query is set, the format is missing, or the date
    /// range starts after it ends; nothing is sent.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<ReportFile> ExportAsync(ReportExportRequest request, CancellationToken cancellationToken = default);
}
