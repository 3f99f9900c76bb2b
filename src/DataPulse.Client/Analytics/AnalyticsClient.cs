using System.Text.Json.Serialization.Metadata;
using DataPulse.Client.Configuration;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using DataPulse.Client.Pipeline;

namespace DataPulse.Client.Analytics;

internal sealed class AnalyticsClient(IAnalyticsApi api) : IAnalyticsClient
{
    private static readonly string KpiOperation = OperationName.For(typeof(IAnalyticsApi), nameof(IAnalyticsApi.GetKpiSummary));
    private static readonly string QueryOperation = OperationName.For(typeof(IAnalyticsApi), nameof(IAnalyticsApi.Query));

    public Task<KpiSummary> GetKpiSummaryAsync(KpiPeriod? period = null, Vertical? vertical = null, CancellationToken cancellationToken = default) =>
        GetKpiSummaryAsync(period, vertical, null, cancellationToken);

    public async Task<KpiSummary> GetKpiSummaryAsync(
        KpiPeriod? period, Vertical? vertical, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var periodValue = WireValue(period?.Value, nameof(period));
        var verticalValue = WireValue(vertical?.Value, nameof(vertical));
        var options = CallOptions.From(requestOptions, sendsPost: false);
        using var response = await ResponseReader.Receive(
            options is null ? api.GetKpiSummary(periodValue, verticalValue, cancellationToken) : api.GetKpiSummary(periodValue, verticalValue, options, cancellationToken),
            KpiOperation,
            cancellationToken);
        var envelope = ResponseReader.Decode(response, AnalyticsJsonContext.Default.DataEnvelopeKpiSummaryKpiMeta, KpiOperation);
        var summary = envelope.Data!;
        summary.SetMeta(envelope.Meta);
        ((IAnsweredResult)summary).SetResponse(ResponseHeaderReader.InfoOf(response, TimeProvider.System));
        return summary;
    }

    public Task<QueryResult> QueryAsync(string sql, int? limit = null, CancellationToken cancellationToken = default) =>
        QueryAsync(new QueryRequest { Sql = sql, Limit = limit }, null, cancellationToken);

    public Task<QueryResult> QueryAsync(string sql, int? limit, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        QueryAsync(new QueryRequest { Sql = sql, Limit = limit }, requestOptions, cancellationToken);

    public Task<QueryResult> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default) =>
        QueryAsync(request, null, cancellationToken);

    public async Task<QueryResult> QueryAsync(QueryRequest request, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var (answer, info) = await ReadQueryAsync(request, null, requestOptions, cancellationToken).ConfigureAwait(false);
        return new QueryResult(answer.Columns, answer.Cells, answer.Meta, info);
    }

    public Task<QueryResult<T>> QueryAsync<T>(QueryRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        QueryAsync(request, typeInfo, null, cancellationToken);

    public async Task<QueryResult<T>> QueryAsync<T>(
        QueryRequest request, JsonTypeInfo<T> typeInfo, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        // Checked before sending: a row type that is not read from an object could never be filled.
        QueryRowMapper<T>.EnsureMapsToObjects(typeInfo);

        // The rows are mapped during the pass over the answer, so their cells are never kept.
        using var sink = new QueryRowSink<T>(typeInfo);
        var (answer, info) = await ReadQueryAsync(request, sink, requestOptions, cancellationToken).ConfigureAwait(false);
        return new QueryResult<T> { Rows = sink.Finish(answer), Columns = answer.Columns, Meta = answer.Meta, Response = info };
    }

    public Task<QueryResult<T>> QueryAsync<T>(QueryRequest request, Func<QueryRow, T> map, CancellationToken cancellationToken = default) =>
        QueryAsync(request, map, null, cancellationToken);

    public async Task<QueryResult<T>> QueryAsync<T>(
        QueryRequest request, Func<QueryRow, T> map, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var result = await QueryAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
        return result.Map(map);
    }

    private async Task<(QueryAnswer Answer, DataPulseResponseInfo Info)> ReadQueryAsync(
        QueryRequest request, IQueryRowSink? sink, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        using var body = JsonBody.Create(QueryRequestValidator.ToBody(request), AnalyticsJsonContext.Default.QueryBody);
        var options = CallOptions.From(requestOptions, sendsPost: true);
        var key = IdempotencyKey.ForCall(request.IdempotencyKey, options?.IdempotencyKey);
        using var response = await ResponseReader.Receive(
            options is null ? api.Query(body, key, cancellationToken) : api.Query(body, key, options, cancellationToken), QueryOperation, cancellationToken);
        var answer = ResponseReader.Decode<QueryAnswer, QueryAnswerReader>(response, new QueryAnswerReader(QueryOperation, sink), QueryOperation);
        return (answer, ResponseHeaderReader.InfoOf(response, TimeProvider.System));
    }

    private static string? WireValue(string? value, string paramName) =>
        value is null ? null
        : value.Length == 0 ? throw new ArgumentException("The value is empty (a default struct); use one of the named values.", paramName)
        : value;
}
