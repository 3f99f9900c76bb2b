using System.Runtime.CompilerServices;
using DataPulse.Client.Configuration;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using DataPulse.Client.Pipeline;

namespace DataPulse.Client.Reports;

/// <content>Report schedules: create, list (with cursor cycle detection), page, delete.</content>
internal sealed partial class ReportsClient
{
    internal static readonly string CreateScheduleOperation = OperationName.For(typeof(IReportsApi), nameof(IReportsApi.CreateSchedule));
    internal static readonly string ListSchedulesOperation = OperationName.For(typeof(IReportsApi), nameof(IReportsApi.ListSchedules));
    internal static readonly string DeleteScheduleOperation = OperationName.For(typeof(IReportsApi), nameof(IReportsApi.DeleteSchedule));

    public Task<ReportSchedule> CreateScheduleAsync(ReportScheduleRequest request, CancellationToken cancellationToken = default) =>
        CreateScheduleAsync(request, null, cancellationToken);

    public async Task<ReportSchedule> CreateScheduleAsync(
        ReportScheduleRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        using var body = JsonBody.Create(ScheduleValidator.ToBody(request), ReportsJsonContext.Default.ScheduleBody);
        var options = CallOptions.From(requestOptions, sendsPost: true);
        var key = IdempotencyKey.ForCall(request.IdempotencyKey, options?.IdempotencyKey);
        using var response = await ResponseReader.Receive(
            options is null ? api.CreateSchedule(body, key, cancellationToken) : api.CreateSchedule(body, key, options, cancellationToken),
            CreateScheduleOperation,
            cancellationToken);
        return ResponseReader.Read(response, ReportsJsonContext.Default.ReportSchedule, CreateScheduleOperation);
    }

    public IAsyncEnumerable<ReportSchedule> ListSchedulesAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        ListSchedulesAsync(pageSize, null, cancellationToken);

    public async IAsyncEnumerable<ReportSchedule> ListSchedulesAsync(
        int? pageSize, DataPulseRequestOptions? requestOptions, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        var options = CallOptions.From(requestOptions, sendsPost: false);
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await GetSchedulesPageCoreAsync(cursor, pageSize, options, cancellationToken).ConfigureAwait(false);
            foreach (var schedule in page.Items)
            {
                yield return schedule;
            }

            // Any cursor seen before, not only the one just sent, means the pages go round in a circle.
            if (page.NextCursor is not null && !seen.Add(page.NextCursor))
            {
                throw DataPulseExceptionFactory.CursorRepeated(ListSchedulesOperation, page.NextCursor);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    public Task<Page<ReportSchedule>> GetSchedulesPageAsync(string? cursor = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetSchedulesPageAsync(cursor, pageSize, null, cancellationToken);

    public async Task<Page<ReportSchedule>> GetSchedulesPageAsync(
        string? cursor, int? pageSize, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        return await GetSchedulesPageCoreAsync(cursor, pageSize, CallOptions.From(requestOptions, sendsPost: false), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Page<ReportSchedule>> GetSchedulesPageCoreAsync(string? cursor, int? pageSize, CallOptions? options, CancellationToken cancellationToken)
    {
        using var response = await ResponseReader.Receive(
            options is null ? api.ListSchedules(pageSize, cursor, cancellationToken) : api.ListSchedules(pageSize, cursor, options, cancellationToken),
            ListSchedulesOperation,
            cancellationToken);
        var envelope = ResponseReader.Decode(response, ReportsJsonContext.Default.DataEnvelopeIReadOnlyListReportScheduleCursorMeta, ListSchedulesOperation);
        var info = ResponseHeaderReader.InfoOf(response, TimeProvider.System);
        return new Page<ReportSchedule>
        {
            Items = envelope.Data ?? [],
            NextCursor = string.IsNullOrEmpty(envelope.Meta?.NextCursor) ? null : envelope.Meta.NextCursor,
            Response = info,
        };
    }

    public Task DeleteScheduleAsync(string scheduleId, CancellationToken cancellationToken = default) =>
        DeleteScheduleAsync(scheduleId, null, cancellationToken);

    public async Task DeleteScheduleAsync(string scheduleId, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(scheduleId, nameof(scheduleId));
        var options = CallOptions.From(requestOptions, sendsPost: false);
        using var response = await ResponseReader.Receive(
            options is null ? api.DeleteSchedule(scheduleId, cancellationToken) : api.DeleteSchedule(scheduleId, options, cancellationToken),
            DeleteScheduleOperation,
            cancellationToken);
    }

    private static void CheckPageSize(int? pageSize)
    {
        if (pageSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be at least 1; omit it for the server's default.");
        }
    }
}
