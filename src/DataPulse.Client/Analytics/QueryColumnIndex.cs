namespace DataPulse.Client.Analytics;

/// <summary>Column names to positions, built once per result and shared by its rows.</summary>
internal sealed class QueryColumnIndex
{
    private readonly Dictionary<string, int> _exact;
    private readonly Dictionary<string, int> _ignoringCase;

    // Up to this many columns, look-ups first compare references with the names found before.
    private const int RememberedUpTo = 32;

    // Per position, the last name string found there. Callers pass the same literals row after row, so a reference
    // comparison answers most look-ups without hashing. A stale or racing entry is harmless: a name always finds the
    // same position.
    private readonly string?[] _lastFound;

    public QueryColumnIndex(IReadOnlyList<QueryColumn> columns)
    {
        Columns = columns;
        _exact = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        _ignoringCase = new Dictionary<string, int>(columns.Count, StringComparer.OrdinalIgnoreCase);
        _lastFound = new string?[columns.Count <= RememberedUpTo ? columns.Count : 0];
        for (var i = 0; i < columns.Count; i++)
        {
            // The first of two equal names wins; two names that differ only in case are each found by their exact spelling.
            _exact.TryAdd(columns[i].Name, i);
            _ignoringCase.TryAdd(columns[i].Name, i);
        }
    }

    public IReadOnlyList<QueryColumn> Columns { get; }

    public bool TryGetIndex(string name, out int index)
    {
        var seen = _lastFound;
        for (var i = 0; i < seen.Length; i++)
        {
            if (ReferenceEquals(seen[i], name))
            {
                index = i;
                return true;
            }
        }

        if (_exact.TryGetValue(name, out index) || _ignoringCase.TryGetValue(name, out index))
        {
            if (index < seen.Length)
            {
                seen[index] = name;
            }

            return true;
        }

        return false;
    }

    public int GetIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGetIndex(name, out var index)
            ? index
            : throw new ArgumentException(
                $"The query result has no column '{name}'. Its columns are: {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(name));
    }
}
