namespace DataPulse.Client.Reports;

// The schedules half of the interface (create, list, page, delete); the type is documented in IReportsClient.cs.
public partial interface IReportsClient
{
    /// <summary>Schedules a report to be generated and mailed (<c>POST /v1/reports/schedules</c>).</summary>
    /// <param name="request">The template, format, cron expression, time zone and recipients.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schedule, with its id and next run.</returns>
    /// <exception cref="ArgumentException">A field is missing, the cron expression is not five valid fields, the time zone is
    /// unknown, a recipient is not an email address, or the <c>IdempotencyKey</c> is not a GUID; the message names the field
    /// and nothing is sent.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<ReportSchedule> CreateScheduleAsync(ReportScheduleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Schedules a report to be generated and mailed (<c>POST /v1/reports/schedules</c>) with settings for this call alone.</summary>
    /// <param name="request">The template, format, cron expression, time zone and recipients.</param>
    /// <param name="requestOptions">This call's deadline, retries, idempotency key and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schedule, with its id and next run.</returns>
    /// <exception cref="ArgumentException">The request or <paramref name="requestOptions"/> is invalid (the message names every
    /// problem), or two different <c>IdempotencyKey</c>s are set; nothing is sent.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<ReportSchedule> CreateScheduleAsync(
        ReportScheduleRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        CreateScheduleAsync(request, cancellationToken);

    /// <summary>
    /// Lists every report schedule (<c>GET /v1/reports/schedules</c>), fetching the next page (<c>next_cursor</c>) only
    /// when the previous one has been enumerated.
    /// </summary>
    /// <param name="pageSize">How many schedules to fetch per page (sent as <c>limit</c>); the server's default when omitted.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The schedules, in the server's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is less than 1.</exception>
    /// <exception cref="DataPulseException">A call failed; see the README's exception table for the subtypes.</exception>
    IAsyncEnumerable<ReportSchedule> ListSchedulesAsync(int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every report schedule (<c>GET /v1/reports/schedules</c>), page by page, with settings applied to each page's request.
    /// </summary>
    /// <param name="pageSize">How many schedules to fetch per page (sent as <c>limit</c>); the server's default when omitted.</param>
    /// <param name="requestOptions">This call's deadline, retries and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The schedules, in the server's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="DataPulseException">A call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    IAsyncEnumerable<ReportSchedule> ListSchedulesAsync(
        int? pageSize, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        ListSchedulesAsync(pageSize, cancellationToken);

    /// <summary>Gets one page of report schedules (<c>GET /v1/reports/schedules</c>).</summary>
    /// <param name="cursor">The <see cref="Page{T}.NextCursor"/> of the previous page; omit it for the first page.</param>
    /// <param name="pageSize">How many schedules to fetch (sent as <c>limit</c>); the server's default when omitted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, and the cursor of the next one.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is less than 1.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<Page<ReportSchedule>> GetSchedulesPageAsync(string? cursor = null, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one page of report schedules (<c>GET /v1/reports/schedules</c>) with settings for this call alone.</summary>
    /// <param name="cursor">The <see cref="Page{T}.NextCursor"/> of the previous page; null for the first page.</param>
    /// <param name="pageSize">How many schedules to fetch (sent as <c>limit</c>); the server's default when null.</param>
    /// <param name="requestOptions">This call's deadline, retries and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, and the cursor of the next one.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<Page<ReportSchedule>> GetSchedulesPageAsync(
        string? cursor, int? pageSize, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        GetSchedulesPageAsync(cursor, pageSize, cancellationToken);

    /// <summary>Deletes a report schedule (<c>DELETE /v1/reports/schedules/{schedule_id}</c>).</summary>
    /// <param name="scheduleId">The schedule, for example <c>sch_1a2b</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the schedule is deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="scheduleId"/> is null, empty or white space, or is <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="DataPulseNotFoundException">No schedule has that id.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task DeleteScheduleAsync(string scheduleId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a report schedule (<c>DELETE /v1/reports/schedules/{schedule_id}</c>) with settings for this call alone.</summary>
    /// <param name="scheduleId">The schedule, for example <c>sch_1a2b</c>.</param>
    /// <param name="requestOptions">This call's deadline, retries and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the schedule is deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="scheduleId"/> is null, empty, white space, <c>.</c> or <c>..</c>, or <paramref name="requestOptions"/> is invalid.</exception>
    /// <exception cref="DataPulseNotFoundException">No schedule has that id.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task DeleteScheduleAsync(string scheduleId, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        DeleteScheduleAsync(scheduleId, cancellationToken);
}
