using System.Net;
using DataPulse.Client.Configuration;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using DataPulse.Client.Pipeline;

namespace DataPulse.Client.Reports;

/// <content>Exports and report generation: start, poll honouring <c>Retry-After</c>, download, save.</content>
internal sealed partial class ReportsClient
{
    internal static readonly string ExportOperation = OperationName.For(typeof(IReportsApi), nameof(IReportsApi.Export));
    internal static readonly string GetReportOperation = OperationName.For(typeof(IReportsApi), nameof(IReportsApi.GetReport));
    internal static readonly string DownloadReportOperation = OperationName.For(typeof(IReportsApi), nameof(IReportsApi.DownloadReport));

    /// <summary>The wait between two polls when the server sends no <c>Retry-After</c>.</summary>
    internal static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shortest wait between two polls, whatever <c>Retry-After</c> says: <c>Retry-After: 0</c> ("ask again now") is
    /// followed after this long, so a server that keeps answering 0 is polled at most ten times a second, not in a loop.
    /// </summary>
    internal static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two polls, whatever <c>Retry-After</c> says: polling early is harmless, waiting long is not.</summary>
    internal static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(60);

    public Task<ReportFile> ExportAsync(ReportExportRequest request, CancellationToken cancellationToken = default) =>
        ExportAsync(request, null, cancellationToken);

    public async Task<ReportFile> ExportAsync(ReportExportRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        await ExportCoreAsync(request, CallOptions.From(requestOptions, sendsPost: true), cancellationToken).ConfigureAwait(false);

    public Task<SavedReport> ExportToFileAsync(
        ReportExportRequest request, string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ExportToFileAsync(request, path, progress, null, cancellationToken);

    public async Task<SavedReport> ExportToFileAsync(
        ReportExportRequest request,
        string path,
        IProgress<DownloadProgress>? progress,
        DataPulseRequestOptions? requestOptions,
        CancellationToken cancellationToken = default)
    {
        // Checked before the export is sent: a bad target must not cost a report generation.
        var (fullPath, _) = ReportFile.ResolveTarget(path);
        var file = await ExportCoreAsync(request, CallOptions.From(requestOptions, sendsPost: true), cancellationToken).ConfigureAwait(false);
        await using (file.ConfigureAwait(false))
        {
            var length = await file.SaveToFileAsync(fullPath, progress, cancellationToken).ConfigureAwait(false);
            return new SavedReport
            {
                Path = fullPath,
                FileName = file.FileName,
                Length = length,
                ContentType = file.ContentType,
                Response = file.Response,
            };
        }
    }

    public Task<ReportExportStart> StartExportAsync(ReportExportRequest request, CancellationToken cancellationToken = default) =>
        StartExportAsync(request, null, cancellationToken);

    public async Task<ReportExportStart> StartExportAsync(
        ReportExportRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        await StartExportCoreAsync(request, CallOptions.From(requestOptions, sendsPost: true), cancellationToken).ConfigureAwait(false);

    public Task<ReportGeneration> GetReportStatusAsync(string reportId, CancellationToken cancellationToken = default) =>
        GetReportStatusAsync(reportId, null, cancellationToken);

    public async Task<ReportGeneration> GetReportStatusAsync(string reportId, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(reportId, nameof(reportId));
        return await GetReportStatusCoreAsync(reportId, CallOptions.From(requestOptions, sendsPost: false), cancellationToken).ConfigureAwait(false);
    }

    public Task<ReportFile> DownloadReportAsync(string reportId, CancellationToken cancellationToken = default) =>
        DownloadReportAsync(reportId, null, cancellationToken);

    public async Task<ReportFile> DownloadReportAsync(string reportId, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(reportId, nameof(reportId));
        return await DownloadReportCoreAsync(reportId, CallOptions.From(requestOptions, sendsPost: false), cancellationToken).ConfigureAwait(false);
    }

    // The operations proper, on options already checked: an export's polls and download take the export's own.
    private async Task<ReportFile> ExportCoreAsync(ReportExportRequest request, CallOptions? options, CancellationToken cancellationToken)
    {
        var start = await StartExportCoreAsync(request, options, cancellationToken).ConfigureAwait(false);
        return start.IsReady
            ? start.File
            : await WaitAndDownloadAsync(start.Pending, ExportOperation, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReportExportStart> StartExportCoreAsync(ReportExportRequest request, CallOptions? options, CancellationToken cancellationToken)
    {
        using var body = JsonBody.Create(ExportRequestValidator.ToBody(request), ReportsJsonContext.Default.ExportBody);
        var key = IdempotencyKey.ForCall(request.IdempotencyKey, options?.IdempotencyKey);
        var response = await ResponseReader.Receive(api.Export(body, key, streams: true, options, cancellationToken), ExportOperation, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return ReportExportStart.Ready(await ToFileAsync(response, ExportOperation, cancellationToken).ConfigureAwait(false));
        }

        using (response)
        {
            return ReportExportStart.Accepted(ReadGeneration(response, ExportOperation, null));
        }
    }

    private async Task<ReportGeneration> GetReportStatusCoreAsync(string reportId, CallOptions? options, CancellationToken cancellationToken)
    {
        using var response = await ResponseReader.Receive(
            options is null ? api.GetReport(reportId, cancellationToken) : api.GetReport(reportId, options, cancellationToken), GetReportOperation, cancellationToken);
        return ReadGeneration(response, GetReportOperation, reportId);
    }

    private async Task<ReportFile> DownloadReportCoreAsync(string reportId, CallOptions? options, CancellationToken cancellationToken)
    {
        var response = await ResponseReader.Receive(
            api.DownloadReport(reportId, streams: true, options, cancellationToken), DownloadReportOperation, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            response.Dispose();
            throw DataPulseExceptionFactory.ReportNotReady(DownloadReportOperation, reportId);
        }

        return await ToFileAsync(response, DownloadReportOperation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Polls a pending report until it is ready (honouring <c>Retry-After</c>, within the generation time limit), then
    /// downloads it.
    /// </summary>
    private async Task<ReportFile> WaitAndDownloadAsync(ReportGeneration pending, string operation, CallOptions? options, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var generation = pending;
        while (true)
        {
            if (generation.Status == ReportStatus.Ready)
            {
                return await DownloadReportCoreAsync(generation.ReportId, options, cancellationToken).ConfigureAwait(false);
            }

            if (generation.Status == ReportStatus.Failed)
            {
                throw DataPulseExceptionFactory.ReportFailed(operation, generation.ReportId, generation.Error);
            }

            var remaining = generationTimeout - timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw DataPulseExceptionFactory.ReportGenerationTimedOut(operation, generation.ReportId, generation.Status.Value, generationTimeout);
            }

            var wait = PollDelay(generation.RetryAfter);
            await Task.Delay(wait < remaining ? wait : remaining, timeProvider, cancellationToken).ConfigureAwait(false);
            if (timeProvider.GetElapsedTime(started) >= generationTimeout)
            {
                throw DataPulseExceptionFactory.ReportGenerationTimedOut(operation, generation.ReportId, generation.Status.Value, generationTimeout);
            }

            generation = await GetReportStatusCoreAsync(generation.ReportId, options, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static TimeSpan PollDelay(TimeSpan? retryAfter) => retryAfter switch
    {
        null => DefaultPollInterval,
        { } wait when wait < MinPollInterval => MinPollInterval,
        { } wait when wait > MaxPollInterval => MaxPollInterval,
        { } wait => wait,
    };

    private ReportGeneration ReadGeneration(HttpResponseMessage response, string operation, string? knownId)
    {
        var body = ResponseReader.Decode(response, ReportsJsonContext.Default.ReportStatusBody, operation);

        var reportId = body.ReportId ?? knownId ?? LastSegment(response.Headers.Location);
        // The id comes from the server and is used as a path segment of later calls: it must not be a dot segment.
        if (string.IsNullOrWhiteSpace(reportId) || PathSegment.IsDotSegment(reportId) || string.IsNullOrEmpty(body.Status.Value))
        {
            throw DataPulseExceptionFactory.Incomplete(operation, "which report it is or where it stands (report_id and status)");
        }

        return new ReportGeneration
        {
            ReportId = reportId,
            Status = body.Status,
            // The one error shape: what the server said, with the status of the answer that said it.
            Error = body.Error is { } error ? error with { StatusCode = response.StatusCode } : null,
            RetryAfter = ResponseHeaderReader.ReadRetryAfter(response.Headers, timeProvider),
            Response = ResponseHeaderReader.InfoOf(response, timeProvider),
        };
    }

    private static string? LastSegment(Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', '#')[0];
        var segment = path.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }

    private async Task<ReportFile> ToFileAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        try
        {
            var content = response.Content;
            var contentType = content.Headers.ContentType?.MediaType ?? "application/octet-stream";

            // The body is unbuffered (headers-read): this stream reads it off the connection as the caller copies it.
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ReportFile(
                stream,
                ReportFileName.From(content.Headers.ContentDisposition, contentType),
                contentType,
                content.Headers.ContentLength,
                ResponseHeaderReader.InfoOf(response, timeProvider),
                owner: response,
                operation,
                downloadIdleTimeout);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
