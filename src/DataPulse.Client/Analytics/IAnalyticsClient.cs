namespace DataPulse.Client.Analytics;

/// <summary>KPI summaries and ad-hoc queries. Reach it through <see cref="IDataPulseClient.Analytics"/>.</summary>
public interface IAnalyticsClient
{
    /// <summary>Gets the KPI summary (<c>GET /v1/analytics/kpis</c>).</summary>
    /// <param name="period">The period to cover; the server's default is <see cref="KpiPeriod.ThirtyDays"/>.</param>
    /// <param name="vertical">The business vertical; all verticals when omitted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The figures, with when and how they were produced.</returns>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<KpiSummary> GetKpiSummaryAsync(KpiPeriod? period = null, Vertical? vertical = null, CancellationToken cancellationToken = default);

    /// <summary>Runs an ad-hoc query (<c>POST /v1/analytics/query</c>).</summary>
    /// <param name="request">The query and its row limit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed columns and rows, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The SQL is empty, or the limit is outside 1 to 10,000; nothing is sent.</exception>
    /// <exception cref="DataPulseBadRequestException">The server rejected the query (code <c>invalid_query</c>).</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Runs an ad-hoc query (<c>POST /v1/analytics/query</c>).</summary>
    /// <param name="sql">The SQL-like query. Required.</param>
    /// <param name="limit">The most rows to return, from 1 to 10,000; the server's default is 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed columns and rows, and how the query ran.</returns>
    /// <exception cref="ArgumentException">The SQL is empty, or the limit is outside 1 to 10,000; nothing is sent.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<QueryResult> QueryAsync(string sql, int? limit = null, CancellationToken cancellationToken = default);
}
