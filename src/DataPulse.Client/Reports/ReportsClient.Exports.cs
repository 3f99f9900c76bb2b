using System.Globalization;
using System.Net;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using DataPulse.Client.Pipeline;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Reports;

/// <content>Exports and report generation: start, poll honouring <c>Retry-After</c>, download, save.</content>
internal sealed partial class ReportsClient
{
    internal static readonly string ExportOperation = OperationName.For(typeof(IReportsApi), nameof(IReportsApi.Export));
    internal static readonly string GetReportOperation = OperationName.For(typeof(IReportsApi), nameof(IReportsApi.GetReport));
    internal static readonly string DownloadReportOperation = OperationName.For(typeof(IReportsApi), nameof(IReportsApi.DownloadReport));

    /// <summary>The wait between two polls when the server sends no <c>Retry-After</c>.</summary>
    internal static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>The shortest wait between two polls, whatever <c>Retry-After</c> says (0 would hammer the server).</summary>
    internal static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls, whatever <c>Retry-After</c> says: polling early is harmless, waiting long is not.</summary>
    internal static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(60);

    public async Task<ReportFile> ExportAsync(ReportExportRequest request, CancellationToken cancellationToken = default)
    {
        var start = await StartExportAsync(request, cancellationToken).ConfigureAwait(false);
        return start.IsReady
            ? start.File
            : await WaitAndDownloadAsync(start.Pending, ExportOperation, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SavedReport> ExportToFileAsync(
        ReportExportRequest request, string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Checked before the export is sent: a bad target must not cost a report generation.
        var (fullPath, _) = ReportFile.ResolveTarget(path);
        var file = await ExportAsync(request, cancellationToken).ConfigureAwait(false);
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

    public async Task<ReportExportStart> StartExportAsync(ReportExportRequest request, CancellationToken cancellationToken = default)
    {
        using var body = JsonBody.Create(ExportRequestValidator.ToBody(request), DataPulseJsonContext.Default.ExportBody);
        var key = IdempotencyKey.For(request.IdempotencyKey);
        var response = await ResponseReader.ReceiveAsync(api.Export(body, key, streams: true, cancellationToken), ExportOperation, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return ReportExportStart.Ready(await ToFileAsync(response, ExportOperation, cancellationToken).ConfigureAwait(false));
        }

        using (response)
        {
            return ReportExportStart.Accepted(ReadGeneration(response, ExportOperation, null));
        }
    }

    public async Task<ReportGeneration> GetReportStatusAsync(string reportId, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(reportId, nameof(reportId));
        using var response = await ResponseReader.ReceiveAsync(api.GetReport(reportId, cancellationToken), GetReportOperation, cancellationToken).ConfigureAwait(false);
        return ReadGeneration(response, GetReportOperation, reportId);
    }

    public async Task<ReportFile> DownloadReportAsync(string reportId, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(reportId, nameof(reportId));
        var response = await ResponseReader.ReceiveAsync(
            api.DownloadReport(reportId, streams: true, cancellationToken), DownloadReportOperation, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            response.Dispose();
            throw new DataPulseException(
                $"{DownloadReportOperation}: report '{reportId}' is not ready yet (202 Accepted); wait until its status is ready.", DownloadReportOperation, null);
        }

        return await ToFileAsync(response, DownloadReportOperation, cancellationToken).ConfigureAwait(false);
    }
    /// <summary>
    /// Polls a pending report until it is ready (honouring <c>Retry-After</c>, within the generation time limit), then
    /// downloads it.
    /// </summary>
    private async Task<ReportFile> WaitAndDownloadAsync(ReportGeneration pending, string operation, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var generation = pending;
        while (true)
        {
            if (generation.Status == ReportStatus.Ready)
            {
                return await DownloadReportAsync(generation.ReportId, cancellationToken).ConfigureAwait(false);
            }

            if (generation.Status == ReportStatus.Failed)
            {
                throw Failed(generation, operation);
            }

            var remaining = generationTimeout - timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw TimedOut(generation, operation);
            }

            var wait = PollDelay(generation.RetryAfter);
            await Task.Delay(wait < remaining ? wait : remaining, timeProvider, cancellationToken).ConfigureAwait(false);
            if (timeProvider.GetElapsedTime(started) >= generationTimeout)
            {
                throw TimedOut(generation, operation);
            }

            generation = await GetReportStatusAsync(generation.ReportId, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static TimeSpan PollDelay(TimeSpan? retryAfter) => retryAfter switch
    {
        null => DefaultPollInterval,
        { } wait when wait < MinPollInterval => MinPollInterval,
        { } wait when wait > MaxPollInterval => MaxPollInterval,
        { } wait => wait,
    };

    private DataPulseTimeoutException TimedOut(ReportGeneration generation, string operation) => new(
        string.Create(
            CultureInfo.InvariantCulture,
            $"{operation}: report '{generation.ReportId}' was still {generation.Status} after {generationTimeout} (DataPulseClientOptions.ReportGenerationTimeout). It may still finish: check it with GetReportStatusAsync(\"{generation.ReportId}\") and fetch it with DownloadReportAsync."),
        DataPulseTimeoutKind.ReportGeneration,
        generationTimeout,
        operation);

    private static DataPulseReportFailedException Failed(ReportGeneration generation, string operation)
    {
        var detail = generation.Error is { } error
            ? $" ({error.Type ?? "?"}/{error.Code ?? "?"}){(string.IsNullOrWhiteSpace(error.Message) ? string.Empty : ": " + error.Message.Trim())}"
            : ": the server gave no reason";
        var trace = generation.Error?.TraceId is { } traceId ? $" Trace id: {traceId}." : string.Empty;
        return new DataPulseReportFailedException(
            $"{operation}: the server could not generate report '{generation.ReportId}'{detail}{(detail.EndsWith('.') ? string.Empty : ".")}{trace}",
            generation.ReportId,
            generation.Error,
            operation);
    }

    private ReportGeneration ReadGeneration(HttpResponseMessage response, string operation, string? knownId)
    {
        var body = ResponseReader.Decode(response, DataPulseJsonContext.Default.ReportStatusBody, operation);

        var reportId = body.ReportId ?? knownId ?? LastSegment(response.Headers.Location);
        // The id comes from the server and is used as a path segment of later calls: it must not be a dot segment.
        if (string.IsNullOrWhiteSpace(reportId) || PathSegment.IsDotSegment(reportId) || string.IsNullOrEmpty(body.Status.Value))
        {
            throw new DataPulseException(
                $"{operation} succeeded, but its answer did not say which report it is or where it stands (report_id and status).", operation, null);
        }

        return new ReportGeneration
        {
            ReportId = reportId,
            Status = body.Status,
            Error = body.Error,
            RetryAfter = ResponseHeaderReader.ReadRetryAfter(response.Headers, timeProvider),
            Response = ResponseHeaderReader.ReadInfo(response),
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
                ResponseHeaderReader.ReadInfo(response),
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
