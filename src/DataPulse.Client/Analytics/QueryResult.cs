using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Analytics;

/// <summary>The result of an ad-hoc query: typed columns, rows with typed cell access, and how the query ran.</summary>
public sealed class QueryResult
{
    private readonly QueryColumnIndex _index;
    private readonly QueryCells _cells;
    private IReadOnlyList<QueryRow>? _rows;

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
        _cells = QueryRowsReader.Read(rows);
        _cells.Attach(_index);
        Meta = meta;
        Response = response ?? DataPulseResponseInfo.None;
    }

    /// <summary>A result read from an answer: its rows already decoded into cells.</summary>
    internal QueryResult(IReadOnlyList<QueryColumn> columns, QueryCells cells, QueryMeta meta, DataPulseResponseInfo response)
    {
        _index = new QueryColumnIndex(columns);
        _cells = cells;
        _cells.Attach(_index);
        Meta = meta;
        Response = response;
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<QueryColumn> Columns => _index.Columns;

    /// <summary>The rows, in order.</summary>
    public IReadOnlyList<QueryRow> Rows => _rows ?? CreateRows();

    /// <summary>How the query ran: its id, row count, whether the limit cut it, and its execution time.</summary>
    public QueryMeta Meta { get; }

    /// <summary>The trace id and rate-limit window of the answer.</summary>
    public DataPulseResponseInfo Response { get; }

    /// <summary>The rows' cells, for mapping straight into the caller's type.</summary>
    internal QueryCells Cells => _cells;

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
    public QueryResult<T> As<T>(JsonTypeInfo<T> typeInfo) => With(new QueryRowMapper<T>(Columns, typeInfo).MapAll(_cells));

    /// <summary>Maps every row to <typeparamref name="T"/> with your own function, once per row, in order.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="map">Builds a <typeparamref name="T"/> from a row, for example <c>row =&gt; new(row.GetString("region"), row.GetDecimal("sum_revenue"))</c>.</param>
    /// <returns>The mapped rows, with this result's columns, meta and response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    /// <exception cref="InvalidCastException">A typed getter met a cell of another type; the message names the column and row.</exception>
    public QueryResult<T> Map<T>(Func<QueryRow, T> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var rows = new SmallArrayList<T>.Builder(_cells.RowCount);
        if (_rows is { } built)
        {
            foreach (var row in built)
            {
                rows.Add(map(row));
            }
        }
        else
        {
            // The rows are handed to the function as they are made; the list of them is only built if Rows is read.
            foreach (var block in _cells.Blocks)
            {
                for (var r = 0; r < block.RowCount; r++)
                {
                    rows.Add(map(new QueryRow(block, r)));
                }
            }
        }

        return With(rows.Build());
    }

    /// <summary>
    /// The columns, how many rows, how the query ran and the answer's facts, for logs and the debugger. No cell is
    /// printed: query results can hold anything the caller's data holds.
    /// </summary>
    /// <returns>For example <c>QueryResult { Columns = [QueryColumn { Name = region, Type = string }], RowCount = 2, Meta = …, Response = … }</c>.</returns>
    public override string ToString() => new StringBuilder("QueryResult { Columns = ")
        .AppendList(Columns)
        .Append(", RowCount = ").Append(_cells.RowCount)
        .Append(", Meta = ").Append(Meta)
        .Append(", Response = ").Append(Response)
        .Append(" }")
        .ToString();

    private QueryResult<T> With<T>(IReadOnlyList<T> rows) => new() { Rows = rows, Columns = Columns, Meta = Meta, Response = Response };

    private IReadOnlyList<QueryRow> CreateRows()
    {
        var rows = new SmallArrayList<QueryRow>.Builder(_cells.RowCount);
        foreach (var block in _cells.Blocks)
        {
            for (var r = 0; r < block.RowCount; r++)
            {
                rows.Add(new QueryRow(block, r));
            }
        }

        // Built once; a second thread racing here builds an equal list and keeps the first.
        return Interlocked.CompareExchange(ref _rows, rows.Build(), null) ?? _rows;
    }
}
