using System.Text.Json;

namespace DataPulse.Client.Analytics;

/// <summary>The wire shape of a query result's <c>data</c>: the rows stay one JSON document, read cell by cell on demand.</summary>
internal sealed record QueryData(IReadOnlyList<QueryColumn> Columns, JsonElement Rows);

/// <summary>The wire body of a query.</summary>
internal sealed record QueryBody(string Sql, int? Limit);
