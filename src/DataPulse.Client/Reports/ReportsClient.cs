using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Reports;

internal sealed class ReportsClient(IReportsApi api, TimeProvider timeProvider, TimeSpan generationTimeout) : IReportsClient
{
    internal const string ExportOperation = "Reports.Export";
    internal const string GetReportOperation = "Reports.GetReport";
    internal const string DownloadReportOperation = "Reports.DownloadReport";
    internal const string CreateScheduleOperation = "Reports.CreateSchedule";
    internal const string ListSchedulesOperation = "Reports.ListSchedules";
    internal const string DeleteScheduleOperation = "Reports.DeleteSchedule";

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
        var body = ToBody(request);
        var key = IdempotencyKey.For(request.IdempotencyKey);
        var response = await ApiCall.SendRawAsync(api, ExportOperation, (a, ct) => a.Export(body, key, ct), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return ReportExportStart.Ready(await ToFileAsync(response, ExportOperation, cancellationToken).ConfigureAwait(false));
        }

        using (response)
        {
            return ReportExportStart.Accepted(await ReadGenerationAsync(response, ExportOperation, null, cancellationToken).ConfigureAwait(false));
        }
    }

    public async Task<ReportGeneration> GetReportStatusAsync(string reportId, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(reportId, nameof(reportId));
        using var response = await ApiCall.SendRawAsync(api, GetReportOperation, (a, ct) => a.GetReport(reportId, ct), cancellationToken).ConfigureAwait(false);
        return await ReadGenerationAsync(response, GetReportOperation, reportId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReportFile> DownloadReportAsync(string reportId, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(reportId, nameof(reportId));
        var response = await ApiCall.SendRawAsync(api, DownloadReportOperation, (a, ct) => a.DownloadReport(reportId, ct), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            response.Dispose();
            throw new DataPulseException(
                $"{DownloadReportOperation}: report '{reportId}' is not ready yet (202 Accepted); wait until its status is ready.", DownloadReportOperation, null);
        }

        return await ToFileAsync(response, DownloadReportOperation, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReportSchedule> CreateScheduleAsync(ReportScheduleRequest request, CancellationToken cancellationToken = default)
    {
        var body = ScheduleValidator.ToBody(request);
        var key = IdempotencyKey.For(request.IdempotencyKey);
        var (schedule, info) = await ApiCall.SendAsync(
            api, CreateScheduleOperation, (a, ct) => a.CreateSchedule(body, key, ct), cancellationToken).ConfigureAwait(false);
        return schedule with { Response = info };
    }

    public async IAsyncEnumerable<ReportSchedule> ListSchedulesAsync(
        int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        string? cursor = null;
        do
        {
            var page = await GetSchedulesPageAsync(cursor, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var schedule in page.Items)
            {
                yield return schedule;
            }

            if (page.NextCursor is not null && page.NextCursor == cursor)
            {
                throw new DataPulseException(
                    $"{ListSchedulesOperation}: the server answered cursor '{cursor}' with the same cursor again; stopping instead of looping.",
                    ListSchedulesOperation,
                    null);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    public async Task<Page<ReportSchedule>> GetSchedulesPageAsync(string? cursor = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        var (envelope, info) = await ApiCall.SendAsync(
            api, ListSchedulesOperation, (a, ct) => a.ListSchedules(pageSize, cursor, ct), cancellationToken).ConfigureAwait(false);
        return new Page<ReportSchedule>
        {
            Items = envelope.Data ?? [],
            NextCursor = string.IsNullOrEmpty(envelope.Meta?.NextCursor) ? null : envelope.Meta.NextCursor,
            Response = info,
        };
    }

    public async Task DeleteScheduleAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(scheduleId, nameof(scheduleId));
        using var response = await ApiCall.SendRawAsync(
            api, DeleteScheduleOperation, (a, ct) => a.DeleteSchedule(scheduleId, ct), cancellationToken).ConfigureAwait(false);
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
        DataPulseTimeoutKind.Overall,
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

    private async Task<ReportGeneration> ReadGenerationAsync(HttpResponseMessage response, string operation, string? knownId, CancellationToken cancellationToken)
    {
        ReportStatusBody? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(DataPulseJsonContext.Default.ReportStatusBody, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ApiCall.Translate(ex, operation, cancellationToken) is { } translated)
        {
            ExceptionDispatchInfo.Throw(translated);
            throw;
        }

        var reportId = body?.ReportId ?? knownId ?? LastSegment(response.Headers.Location);
        if (body is null || string.IsNullOrWhiteSpace(reportId) || string.IsNullOrEmpty(body.Status.Value))
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

    private static async Task<ReportFile> ToFileAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
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
                operation);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static void CheckPageSize(int? pageSize)
    {
        if (pageSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be at least 1; omit it for the server's default.");
        }
    }

    private static ExportBody ToBody(ReportExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hasTemplate = !string.IsNullOrWhiteSpace(request.TemplateId);
        var hasQuery = !string.IsNullOrWhiteSpace(request.Query);
        if (hasTemplate == hasQuery)
        {
            throw new ArgumentException(
                hasTemplate
                    ? "Set exactly one of TemplateId and Query; both are set."
                    : "Set exactly one of TemplateId and Query; neither is set.",
                nameof(request));
        }

        if (string.IsNullOrEmpty(request.Format.Value))
        {
            throw new ArgumentException("Format is required, for example ReportFormat.Pdf.", nameof(request));
        }

        if (request.DateRange is { } range && range.Start > range.End)
        {
            throw new ArgumentException($"DateRange.Start ({range.Start:yyyy-MM-dd}) must not be after DateRange.End ({range.End:yyyy-MM-dd}).", nameof(request));
        }

        return new ExportBody(
            hasTemplate ? request.TemplateId : null,
            hasQuery ? new ExportQuery(request.Query!) : null,
            request.Format,
            request.IncludeCharts,
            request.DateRange);
    }
}
