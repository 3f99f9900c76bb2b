namespace DataPulse.Client.Analytics;

/// <summary>A query answer's <c>data</c> and <c>meta</c>, read from the response body (see <see cref="QueryAnswerReader"/>).</summary>
internal sealed record QueryAnswer(IReadOnlyList<QueryColumn> Columns, QueryCells Cells, QueryMeta Meta);
