using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DataPulse.Client.Analytics;

/// <summary>The result of an ad-hoc query: typed columns, rows with typed cell access, and how the query ran.</summary>
public sealed class QueryResult
{
    private readonly QueryColumnIndex _index;

    /// <summary>Builds a result from columns and a JSON array of rows (each an array of cells), for example to fake the client in tests.</summary>
    /// <param name="columns">The columns, in order.</param>
    /// <param name="rows">A JSON array whose items are arrays of cell values.</param>
    /// <param name="meta">How the query ran.</param>
    /// <param name="response">The trace id and rate-limit window of the answer.</param>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is not an array of arrays.</exception>
    public QueryResult(IReadOnlyList<QueryColumn> columns, JsonElement rows, QueryMeta meta, DataPulseResponseInfo? response = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(meta);
        _index = new QueryColumnIndex(columns);
        Meta = meta;
        Response = response ?? DataPulseResponseInfo.None;
        Rows = ReadRows(rows, _index);
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<QueryColumn> Columns => _index.Columns;

    /// <summary>The rows, in order.</summary>
    public IReadOnlyList<QueryRow> Rows { get; }

    /// <summary>How the query ran: its id, row count, whether the limit cut it, and its execution time.</summary>
    public QueryMeta Meta { get; }

    /// <summary>The trace id and rate-limit window of the answer.</summary>
    public DataPulseResponseInfo Response { get; }

    /// <summary>The position of a column, by exact name or else ignoring case.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The zero-based position.</returns>
    /// <exception cref="ArgumentException">No column has that name; the message lists the columns.</exception>
    public int GetColumnIndex(string name) => _index.GetIndex(name);

    /// <summary>
    /// Maps every row to <typeparamref name="T"/> through source-generated metadata: each column fills the property whose
    /// JSON name matches it exactly, else ignoring case, else ignoring case and underscores (<c>sum_revenue</c> fills
    /// <c>SumRevenue</c>, <c>sumRevenue</c> or <c>sum_revenue</c>). Columns without a property are skipped; a null cell
    /// fills a nullable property with null. Each row is read straight from its cells, once.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="typeInfo">Its metadata from your own <c>JsonSerializerContext</c>, for example <c>MyJsonContext.Default.RegionRevenue</c>.</param>
    /// <returns>The mapped rows, with this result's columns, meta and response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not read from a JSON object.</exception>
    /// <exception cref="InvalidCastException">A cell does not fit its property; the message names the column, the row and both types.</exception>
    public QueryResult<T> As<T>(JsonTypeInfo<T> typeInfo) => With(new QueryRowMapper<T>(Columns, typeInfo).MapAll(Rows));

    /// <summary>Maps every row to <typeparamref name="T"/> with your own function, once per row, in order.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="map">Builds a <typeparamref name="T"/> from a row, for example <c>row =&gt; new(row.GetString("region"), row.GetDecimal("sum_revenue"))</c>.</param>
    /// <returns>The mapped rows, with this result's columns, meta and response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    /// <exception cref="InvalidCastException">A typed getter met a cell of another type; the message names the column and row.</exception>
    public QueryResult<T> Map<T>(Func<QueryRow, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var rows = new T[Rows.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = map(Rows[i]);
        }

        return With(rows);
    }

    private QueryResult<T> With<T>(T[] rows) => new() { Rows = rows, Columns = Columns, Meta = Meta, Response = Response };

    private static QueryRow[] ReadRows(JsonElement rows, QueryColumnIndex index)
    {
        if (rows.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return [];
        }

        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw new ArgumentException($"Query rows must be a JSON array; found {rows.ValueKind}.", nameof(rows));
        }

        var result = new QueryRow[rows.GetArrayLength()];
        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array)
            {
                throw new ArgumentException($"Query row {i} must be a JSON array of cells; found {row.ValueKind}.", nameof(rows));
            }

            var cells = new JsonElement[row.GetArrayLength()];
            var j = 0;
            foreach (var cell in row.EnumerateArray())
            {
                cells[j++] = cell;
            }

            result[i] = new QueryRow(index, cells, i);
            i++;
        }

        return result;
    }
}
