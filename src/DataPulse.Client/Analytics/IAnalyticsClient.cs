using System.Text.Json.Serialization.Metadata;

namespace DataPulse.Client.Analytics;

/// <summary>
/// KPI summaries and ad-hoc queries. Reach it through <see cref="IDataPulseClient.Analytics"/>. Every operation has an
/// overload that takes <see cref="DataPulseRequestOptions"/> for that call alone (a deadline, retries, headers).
/// </summary>
public interface IAnalyticsClient
{
    /// <summary>Gets the KPI summary (<c>GET /v1/analytics/kpis</c>).</summary>
    /// <param name="period">The period to cover; the server's default is <see cref="KpiPeriod.ThirtyDays"/>.</param>
    /// <param name="vertical">The business vertical; all verticals when omitted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The figures, with when and how they were produced.</returns>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<KpiSummary> GetKpiSummaryAsync(KpiPeriod? period = null, Vertical? vertical = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the KPI summary (<c>GET /v1/analytics/kpis</c>) with settings for this call alone.</summary>
    /// <param name="period">The period to cover; the server's default is <see cref="KpiPeriod.ThirtyDays"/>.</param>
    /// <param name="vertical">The business vertical; all verticals when omitted.</param>
    /// <param name="requestOptions">This call's deadline, retries and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The figures, with when and how they were produced.</returns>
    /// <exception cref="ArgumentException"><paramref name="requestOptions"/> is invalid (the message names every problem); nothing is sent.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<KpiSummary> GetKpiSummaryAsync(
        KpiPeriod? period, Vertical? vertical, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        GetKpiSummaryAsync(period, vertical, cancellationToken);

    /// <summary>Runs an ad-hoc query (<c>POST /v1/analytics/query</c>).</summary>
    /// <param name="request">The query and its row limit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed columns and rows, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The SQL is empty, the limit is outside 1 to 10,000, or the <c>IdempotencyKey</c> is not a GUID; nothing is sent.</exception>
    /// <exception cref="DataPulseBadRequestException">The server rejected the query (code <c>invalid_query</c>).</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Runs an ad-hoc query (<c>POST /v1/analytics/query</c>) with settings for this call alone.</summary>
    /// <param name="request">The query and its row limit.</param>
    /// <param name="requestOptions">This call's deadline, retries, idempotency key and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed columns and rows, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The SQL is empty, the limit is outside 1 to 10,000, an <c>IdempotencyKey</c> is not a
    /// GUID or two different ones are set, or <paramref name="requestOptions"/> is invalid; nothing is sent.</exception>
    /// <exception cref="DataPulseBadRequestException">The server rejected the query (code <c>invalid_query</c>).</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<QueryResult> QueryAsync(QueryRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        QueryAsync(request, cancellationToken);

    /// <summary>Runs an ad-hoc query (<c>POST /v1/analytics/query</c>).</summary>
    /// <param name="sql">The SQL-like query. Required.</param>
    /// <param name="limit">The most rows to return, from 1 to 10,000; the server's default is 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed columns and rows, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The SQL is empty, or the limit is outside 1 to 10,000; nothing is sent.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<QueryResult> QueryAsync(string sql, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>Runs an ad-hoc query (<c>POST /v1/analytics/query</c>) with settings for this call alone.</summary>
    /// <param name="sql">The SQL-like query. Required.</param>
    /// <param name="limit">The most rows to return, from 1 to 10,000; the server's default is 100.</param>
    /// <param name="requestOptions">This call's deadline, retries, idempotency key and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed columns and rows, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The SQL is empty, the limit is outside 1 to 10,000, or <paramref name="requestOptions"/> is invalid; nothing is sent.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<QueryResult> QueryAsync(string sql, int? limit, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        QueryAsync(sql, limit, cancellationToken);

    /// <summary>
    /// Runs an ad-hoc query (<c>POST /v1/analytics/query</c>) and maps each row to <typeparamref name="T"/> through
    /// source-generated metadata, without reflection (trimming and Native AOT safe). Each column fills the property whose
    /// JSON name matches it exactly, else ignoring case, else ignoring case and underscores (<c>sum_revenue</c> fills
    /// <c>SumRevenue</c>); a null cell fills a nullable property with null. See <see cref="QueryResult.As{T}"/>.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="request">The query and its row limit.</param>
    /// <param name="typeInfo">The row type's metadata from your own <c>JsonSerializerContext</c>, for example <c>MyJsonContext.Default.RegionRevenue</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The mapped rows, the columns, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The SQL is empty, the limit is outside 1 to 10,000, the <c>IdempotencyKey</c> is not a GUID, or <typeparamref name="T"/> is not read from a JSON object; nothing is sent.</exception>
    /// <exception cref="InvalidCastException">A cell does not fit its property; the message names the column, the row and both types.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<QueryResult<T>> QueryAsync<T>(QueryRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs an ad-hoc query (<c>POST /v1/analytics/query</c>) with settings for this call alone, and maps each row to
    /// <typeparamref name="T"/> through source-generated metadata, as
    /// <see cref="QueryAsync{T}(QueryRequest, JsonTypeInfo{T}, CancellationToken)"/> does.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="request">The query and its row limit.</param>
    /// <param name="typeInfo">The row type's metadata from your own <c>JsonSerializerContext</c>.</param>
    /// <param name="requestOptions">This call's deadline, retries, idempotency key and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The mapped rows, the columns, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The request or <paramref name="requestOptions"/> is invalid, or <typeparamref name="T"/> is not read from a JSON object; nothing is sent.</exception>
    /// <exception cref="InvalidCastException">A cell does not fit its property; the message names the column, the row and both types.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<QueryResult<T>> QueryAsync<T>(
        QueryRequest request, JsonTypeInfo<T> typeInfo, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        QueryAsync(request, typeInfo, cancellationToken);

    /// <summary>
    /// Runs an ad-hoc query (<c>POST /v1/analytics/query</c>) and maps each row to <typeparamref name="T"/> with your own
    /// function, once per row. See <see cref="QueryResult.Map{T}"/>.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="request">The query and its row limit.</param>
    /// <param name="map">Builds a <typeparamref name="T"/> from a row with its typed getters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The mapped rows, the columns, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The SQL is empty, the limit is outside 1 to 10,000, or the <c>IdempotencyKey</c> is not a GUID; nothing is sent.</exception>
    /// <exception cref="InvalidCastException">A typed getter met a cell of another type; the message names the column and row.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<QueryResult<T>> QueryAsync<T>(QueryRequest request, Func<QueryRow, T> map, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs an ad-hoc query (<c>POST /v1/analytics/query</c>) with settings for this call alone, and maps each row to
    /// <typeparamref name="T"/> with your own function, once per row.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="request">The query and its row limit.</param>
    /// <param name="map">Builds a <typeparamref name="T"/> from a row with its typed getters.</param>
    /// <param name="requestOptions">This call's deadline, retries, idempotency key and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The mapped rows, the columns, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The request or <paramref name="requestOptions"/> is invalid; nothing is sent.</exception>
    /// <exception cref="InvalidCastException">A typed getter met a cell of another type; the message names the column and row.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<QueryResult<T>> QueryAsync<T>(
        QueryRequest request, Func<QueryRow, T> map, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        QueryAsync(request, map, cancellationToken);
}
