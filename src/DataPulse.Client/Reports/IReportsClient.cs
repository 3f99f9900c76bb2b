namespace DataPulse.Client.Reports;

/// <summary>
/// Report exports and schedules. Reach it through <see cref="IDataPulseClient.Reports"/>. Every operation has an overload
/// that takes <see cref="DataPulseRequestOptions"/> for that call alone (a deadline, retries, an idempotency key, headers).
/// </summary>
public partial interface IReportsClient
{
    /// <summary>
    /// Exports a report (<c>POST /v1/reports/export</c>) and returns it as a stream that reads the file as it arrives.
    /// When the server generates the report asynchronously (<c>202 Accepted</c>), waits for it, polling its status as
    /// <c>Retry-After</c> asks for at most <see cref="DataPulseClientOptions.ReportGenerationTimeout"/>, then downloads it:
    /// the result is the same either way. Dispose the result.
    /// </summary>
    /// <param name="request">What to export, and in which format.</param>
    /// <param name="cancellationToken">Cancels the call and any wait for generation (the download itself takes its own token).</param>
    /// <returns>The file, streamed.</returns>
    /// <exception cref="ArgumentException">Not exactly one of template id and query is set, the format is missing, the date
    /// range starts after it ends, or the <c>IdempotencyKey</c> is not a GUID; nothing is sent.</exception>
    /// <exception cref="DataPulseReportFailedException">The server could not generate the report; carries its error.</exception>
    /// <exception cref="DataPulseTimeoutException">The report was not ready within <see cref="DataPulseClientOptions.ReportGenerationTimeout"/>.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<ReportFile> ExportAsync(ReportExportRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exports a report as <see cref="ExportAsync(ReportExportRequest, CancellationToken)"/> does, with settings for this call
    /// alone: the deadline, retries and headers apply to each request it makes (the export, each status poll, the download);
    /// the idempotency key to the export's <c>POST</c>.
    /// </summary>
    /// <param name="request">What to export, and in which format.</param>
    /// <param name="requestOptions">This call's deadline, retries, idempotency key and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call and any wait for generation (the download itself takes its own token).</param>
    /// <returns>The file, streamed.</returns>
    /// <exception cref="ArgumentException">The request or <paramref name="requestOptions"/> is invalid; nothing is sent.</exception>
    /// <exception cref="DataPulseReportFailedException">The server could not generate the report; carries its error.</exception>
    /// <exception cref="DataPulseTimeoutException">The report was not ready within <see cref="DataPulseClientOptions.ReportGenerationTimeout"/>.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<ReportFile> ExportAsync(ReportExportRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        ExportAsync(request, cancellationToken);

    /// <summary>
    /// Exports a report (as <see cref="ExportAsync(ReportExportRequest, CancellationToken)"/>, waiting out asynchronous generation) and writes it to a file. The
    /// body streams into a temporary file beside <paramref name="path"/>, moved into place only when the whole body
    /// arrived; on failure or cancellation the temporary file is deleted and a file already at <paramref name="path"/> is
    /// left as it was. Memory use does not grow with the file's size.
    /// </summary>
    /// <param name="request">What to export, and in which format.</param>
    /// <param name="path">The file to write; its folder must exist. An existing file is replaced on success.</param>
    /// <param name="progress">Told the bytes received (and the total, when the server sent <c>Content-Length</c>) after each chunk.</param>
    /// <param name="cancellationToken">Cancels the export, the wait and the download.</param>
    /// <returns>Where the file went, its size, and the server's file name and media type.</returns>
    /// <exception cref="ArgumentException">The request is invalid, or <paramref name="path"/> is empty or names a folder; nothing is sent.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist; nothing is sent.</exception>
    /// <exception cref="DataPulseConnectionException">The connection broke, or the body ended before its <c>Content-Length</c>.</exception>
    /// <exception cref="DataPulseReportFailedException">The server could not generate the report; carries its error.</exception>
    /// <exception cref="DataPulseTimeoutException">The report was not ready within <see cref="DataPulseClientOptions.ReportGenerationTimeout"/>.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<SavedReport> ExportToFileAsync(
        ReportExportRequest request, string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exports a report and writes it to a file as
    /// <see cref="ExportToFileAsync(ReportExportRequest, string, IProgress{DownloadProgress}?, CancellationToken)"/> does, with
    /// settings for this call alone (applied to each request it makes).
    /// </summary>
    /// <param name="request">What to export, and in which format.</param>
    /// <param name="path">The file to write; its folder must exist. An existing file is replaced on success.</param>
    /// <param name="progress">Told the bytes received (and the total, when known) after each chunk.</param>
    /// <param name="requestOptions">This call's deadline, retries, idempotency key and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the export, the wait and the download.</param>
    /// <returns>Where the file went, its size, and the server's file name and media type.</returns>
    /// <exception cref="ArgumentException">The request or <paramref name="requestOptions"/> is invalid, or <paramref name="path"/> is empty or names a folder; nothing is sent.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist; nothing is sent.</exception>
    /// <exception cref="DataPulseConnectionException">The connection broke, or the body ended before its <c>Content-Length</c>.</exception>
    /// <exception cref="DataPulseReportFailedException">The server could not generate the report; carries its error.</exception>
    /// <exception cref="DataPulseTimeoutException">The report was not ready within <see cref="DataPulseClientOptions.ReportGenerationTimeout"/>.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<SavedReport> ExportToFileAsync(
        ReportExportRequest request,
        string path,
        IProgress<DownloadProgress>? progress,
        DataPulseRequestOptions? requestOptions,
        CancellationToken cancellationToken = default) =>
        ExportToFileAsync(request, path, progress, cancellationToken);

    /// <summary>
    /// Sends an export (<c>POST /v1/reports/export</c>) and returns what the server answered right away, without waiting:
    /// the file, or a report still being generated to poll with <see cref="GetReportStatusAsync(string, CancellationToken)"/> and fetch with
    /// <see cref="DownloadReportAsync(string, CancellationToken)"/>. For callers who poll themselves; <see cref="ExportAsync(ReportExportRequest, CancellationToken)"/> does all of it.
    /// </summary>
    /// <param name="request">What to export, and in which format.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file or the pending report. Dispose it.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing is sent.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<ReportExportStart> StartExportAsync(ReportExportRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends an export (<c>POST /v1/reports/export</c>) with settings for this call alone, and returns what the server
    /// answered right away, as <see cref="StartExportAsync(ReportExportRequest, CancellationToken)"/> does.
    /// </summary>
    /// <param name="request">What to export, and in which format.</param>
    /// <param name="requestOptions">This call's deadline, retries, idempotency key and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file or the pending report. Dispose it.</returns>
    /// <exception cref="ArgumentException">The request or <paramref name="requestOptions"/> is invalid; nothing is sent.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<ReportExportStart> StartExportAsync(
        ReportExportRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        StartExportAsync(request, cancellationToken);

    /// <summary>Gets where an asynchronously generated report stands (<c>GET /v1/reports/{report_id}</c>).</summary>
    /// <param name="reportId">The report, for example <c>rpt_81b2</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its status, the server's error when it failed, and how long the server asks to wait before asking again.</returns>
    /// <exception cref="ArgumentException"><paramref name="reportId"/> is null, empty or white space, or is <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="DataPulseNotFoundException">No report has that id.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<ReportGeneration> GetReportStatusAsync(string reportId, CancellationToken cancellationToken = default);

    /// <summary>Gets where an asynchronously generated report stands (<c>GET /v1/reports/{report_id}</c>) with settings for this call alone.</summary>
    /// <param name="reportId">The report, for example <c>rpt_81b2</c>.</param>
    /// <param name="requestOptions">This call's deadline, retries and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its status, the server's error when it failed, and how long the server asks to wait before asking again.</returns>
    /// <exception cref="ArgumentException"><paramref name="reportId"/> is null, empty, white space, <c>.</c> or <c>..</c>, or <paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="DataPulseNotFoundException">No report has that id.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<ReportGeneration> GetReportStatusAsync(string reportId, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        GetReportStatusAsync(reportId, cancellationToken);

    /// <summary>Downloads a generated report (<c>GET /v1/reports/{report_id}/download</c>), streamed. Dispose the result.</summary>
    /// <param name="reportId">The report, for example <c>rpt_81b2</c>; its status must be <see cref="ReportStatus.Ready"/>.</param>
    /// <param name="cancellationToken">Cancels the call (the download itself takes its own token).</param>
    /// <returns>The file, streamed.</returns>
    /// <exception cref="ArgumentException"><paramref name="reportId"/> is null, empty or white space, or is <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="DataPulseException">The report is not ready yet, or the call failed.</exception>
    Task<ReportFile> DownloadReportAsync(string reportId, CancellationToken cancellationToken = default);

    /// <summary>Downloads a generated report (<c>GET /v1/reports/{report_id}/download</c>), streamed, with settings for this call alone. Dispose the result.</summary>
    /// <param name="reportId">The report, for example <c>rpt_81b2</c>; its status must be <see cref="ReportStatus.Ready"/>.</param>
    /// <param name="requestOptions">This call's deadline, retries and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call (the download itself takes its own token).</param>
    /// <returns>The file, streamed.</returns>
    /// <exception cref="ArgumentException"><paramref name="reportId"/> is null, empty, white space, <c>.</c> or <c>..</c>, or <paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="DataPulseException">The report is not ready yet, or the call failed.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<ReportFile> DownloadReportAsync(string reportId, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        DownloadReportAsync(reportId, cancellationToken);
}
