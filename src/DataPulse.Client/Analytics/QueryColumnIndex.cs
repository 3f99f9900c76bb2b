namespace DataPulse.Client.Analytics;

/// <summary>Column names to positions, built once per result and shared by its rows.</summary>
internal sealed class QueryColumnIndex
{
    private readonly Dictionary<string, int> _exact;
    private readonly Dictionary<string, int> _ignoringCase;

    public QueryColumnIndex(IReadOnlyList<QueryColumn> columns)
    {
        Columns = columns;
        _exact = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        _ignoringCase = new Dictionary<string, int>(columns.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            // The first of two equal names wins; two names that differ only in case are each found by their exact spelling.
            _exact.TryAdd(columns[i].Name, i);
            _ignoringCase.TryAdd(columns[i].Name, i);
        }
    }

    public IReadOnlyList<QueryColumn> Columns { get; }

    public bool TryGetIndex(string name, out int index) =>
        _exact.TryGetValue(name, out index) || _ignoringCase.TryGetValue(name, out index);

    public int GetIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGetIndex(name, out var index)
            ? index
            : throw new ArgumentException(
                $"The query result has no column '{name}'. Its columns are: {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(name));
    }
}
