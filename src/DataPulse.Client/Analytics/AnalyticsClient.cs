using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Analytics;

internal sealed class AnalyticsClient(IAnalyticsApi api) : IAnalyticsClient
{
    private const string QueryOperation = "Analytics.Query";

    public async Task<KpiSummary> GetKpiSummaryAsync(KpiPeriod? period = null, Vertical? vertical = null, CancellationToken cancellationToken = default)
    {
        var periodValue = WireValue(period?.Value, nameof(period));
        var verticalValue = WireValue(vertical?.Value, nameof(vertical));
        var (envelope, info) = await ApiCall.SendAsync(
            api, "Analytics.GetKpiSummary", (a, ct) => a.GetKpiSummary(periodValue, verticalValue, ct), cancellationToken).ConfigureAwait(false);
        return envelope.Data with { Meta = envelope.Meta ?? new KpiMeta(), Response = info };
    }

    public Task<QueryResult> QueryAsync(string sql, int? limit = null, CancellationToken cancellationToken = default) =>
        QueryAsync(new QueryRequest { Sql = sql, Limit = limit }, cancellationToken);

    public async Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Sql))
        {
            throw new ArgumentException("Sql is required: pass the query to run (it must not be empty or white space).", nameof(request));
        }

        if (request.Limit is { } limit && limit is < QueryRequest.MinLimit or > QueryRequest.MaxLimit)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Limit must be from {QueryRequest.MinLimit} to {QueryRequest.MaxLimit}; it is {limit}."), nameof(request));
        }

        var body = new QueryBody(request.Sql, request.Limit);
        var key = IdempotencyKey.For(request.IdempotencyKey);
        var (envelope, info) = await ApiCall.SendAsync(
            api, QueryOperation, (a, ct) => a.Query(body, key, ct), cancellationToken).ConfigureAwait(false);
        try
        {
            return new QueryResult(envelope.Data.Columns ?? [], envelope.Data.Rows, envelope.Meta ?? new QueryMeta(), info);
        }
        catch (ArgumentException ex)
        {
            // Rows that are not arrays of cells: the answer is of another shape, not a caller mistake.
            throw ApiCall.Unreadable(QueryOperation, ex, ex.Message);
        }
    }

    public async Task<QueryResult<T>> QueryAsync<T>(QueryRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var result = await QueryAsync(request, cancellationToken).ConfigureAwait(false);
        return result.As(typeInfo);
    }

    public async Task<QueryResult<T>> QueryAsync<T>(QueryRequest request, Func<QueryRow, T> map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var result = await QueryAsync(request, cancellationToken).ConfigureAwait(false);
        return result.Map(map);
    }

    private static string? WireValue(string? value, string paramName) =>
        value is null ? null
        : value.Length == 0 ? throw new ArgumentException("The value is empty (a default struct); use one of the named values.", paramName)
        : value;
}
