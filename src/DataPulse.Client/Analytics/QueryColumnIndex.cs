namespace DataPulse.Client.Analytics;

/// <summary>Column names to positions, built once per result and shared by its rows.</summary>
internal sealed class QueryColumnIndex
{
    private readonly Dictionary<string, int> _byName;

    public QueryColumnIndex(IReadOnlyList<QueryColumn> columns)
    {
        Columns = columns;
        _byName = new Dictionary<string, int>(columns.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            // The first of two names that differ only in case wins; exact lookups still find either through TryGetExact.
            _byName.TryAdd(columns[i].Name, i);
        }
    }

    public IReadOnlyList<QueryColumn> Columns { get; }

    public bool TryGetIndex(string name, out int index)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                index = i;
                return true;
            }
        }

        return _byName.TryGetValue(name, out index);
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
