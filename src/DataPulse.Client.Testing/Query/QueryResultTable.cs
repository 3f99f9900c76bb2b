namespace DataPulse.Client.Testing.Query;

/// <summary>What a query produced: typed columns and rows of cells (string, long, decimal, bool or null).</summary>
internal sealed record QueryResultTable(IReadOnlyList<(string Name, string Type)> Columns, IReadOnlyList<object?[]> Rows);
