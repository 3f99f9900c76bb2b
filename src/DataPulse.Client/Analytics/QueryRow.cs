using System.Globalization;
using System.Text.Json;

namespace DataPulse.Client.Analytics;

/// <summary>
/// One row of a query result. Cells are read by column position or name; each getter returns <see langword="null"/>
/// for a null cell and throws <see cref="InvalidCastException"/>, naming the column and row, for a cell of another type.
/// </summary>
public sealed class QueryRow
{
    // A view: the row's cells stay in the result's shared blocks, parsed when a getter asks for them.
    private readonly QueryCellBlock _block;
    private readonly int _row;

    internal QueryRow(QueryCellBlock block, int row)
    {
        _block = block;
        _row = row;
        Index = block.FirstRow + row;
    }

    /// <summary>The row's zero-based position in the result.</summary>
    public int Index { get; }

    /// <summary>How many cells the row has.</summary>
    public int Count => _block.CellCount(_row);

    /// <summary>The raw JSON cell at a column position.</summary>
    /// <param name="column">The zero-based column position.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no such column in this row.</exception>
    public JsonElement this[int column] => _block.ToElement(Cell(column));

    /// <summary>The raw JSON cell of a named column.</summary>
    /// <param name="column">The column name (exact, else ignoring case).</param>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public JsonElement this[string column] => this[_block.Columns.GetIndex(column)];

    /// <summary>Whether the cell is null.</summary>
    /// <param name="column">The zero-based column position.</param>
    public bool IsNull(int column) => _block.Kind(Cell(column)) == QueryCellKind.Null;

    /// <summary>Whether the cell is null.</summary>
    /// <param name="column">The column name.</param>
    public bool IsNull(string column) => IsNull(_block.Columns.GetIndex(column));

    /// <summary>The cell as text.</summary>
    /// <param name="column">The zero-based column position.</param>
    public string? GetString(int column)
    {
        var cell = Cell(column);
        return _block.Kind(cell) switch
        {
            QueryCellKind.Null => null,
            QueryCellKind.String or QueryCellKind.EscapedString => _block.GetString(cell),
            var kind => throw Mismatch(column, kind, "string"),
        };
    }

    /// <summary>The cell as text.</summary>
    /// <param name="column">The column name.</param>
    public string? GetString(string column) => GetString(_block.Columns.GetIndex(column));

    /// <summary>The cell as an exact decimal number.</summary>
    /// <param name="column">The zero-based column position.</param>
    public decimal? GetDecimal(int column)
    {
        var cell = Cell(column);
        return _block.Kind(cell) switch
        {
            QueryCellKind.Null => null,
            QueryCellKind.Number when _block.TryGetDecimal(cell, out var value) => value,
            var kind => throw Mismatch(column, kind, "decimal"),
        };
    }

    /// <summary>The cell as an exact decimal number.</summary>
    /// <param name="column">The column name.</param>
    public decimal? GetDecimal(string column) => GetDecimal(_block.Columns.GetIndex(column));

    /// <summary>The cell as a floating-point number.</summary>
    /// <param name="column">The zero-based column position.</param>
    public double? GetDouble(int column)
    {
        var cell = Cell(column);
        return _block.Kind(cell) switch
        {
            QueryCellKind.Null => null,
            QueryCellKind.Number when _block.TryGetDouble(cell, out var value) => value,
            var kind => throw Mismatch(column, kind, "double"),
        };
    }

    /// <summary>The cell as a floating-point number.</summary>
    /// <param name="column">The column name.</param>
    public double? GetDouble(string column) => GetDouble(_block.Columns.GetIndex(column));

    /// <summary>The cell as a whole number.</summary>
    /// <param name="column">The zero-based column position.</param>
    public long? GetInt64(int column)
    {
        var cell = Cell(column);
        return _block.Kind(cell) switch
        {
            QueryCellKind.Null => null,
            QueryCellKind.Number when _block.TryGetInt64(cell, out var value) => value,
            var kind => throw Mismatch(column, kind, "long"),
        };
    }

    /// <summary>The cell as a whole number.</summary>
    /// <param name="column">The column name.</param>
    public long? GetInt64(string column) => GetInt64(_block.Columns.GetIndex(column));

    /// <summary>The cell as true or false.</summary>
    /// <param name="column">The zero-based column position.</param>
    public bool? GetBoolean(int column)
    {
        var cell = Cell(column);
        return _block.Kind(cell) switch
        {
            QueryCellKind.Null => null,
            QueryCellKind.True => true,
            QueryCellKind.False => false,
            var kind => throw Mismatch(column, kind, "bool"),
        };
    }

    /// <summary>The cell as true or false.</summary>
    /// <param name="column">The column name.</param>
    public bool? GetBoolean(string column) => GetBoolean(_block.Columns.GetIndex(column));

    /// <summary>The cell as a timestamp (ISO-8601).</summary>
    /// <param name="column">The zero-based column position.</param>
    public DateTimeOffset? GetDateTimeOffset(int column)
    {
        var cell = Cell(column);
        return _block.Kind(cell) switch
        {
            QueryCellKind.Null => null,
            QueryCellKind.String or QueryCellKind.EscapedString when _block.TryGetDateTimeOffset(cell, out var value) => value,
            var kind => throw Mismatch(column, kind, "DateTimeOffset"),
        };
    }

    /// <summary>The cell as a timestamp (ISO-8601).</summary>
    /// <param name="column">The column name.</param>
    public DateTimeOffset? GetDateTimeOffset(string column) => GetDateTimeOffset(_block.Columns.GetIndex(column));

    /// <summary>The cell as a calendar date (<c>YYYY-MM-DD</c>).</summary>
    /// <param name="column">The zero-based column position.</param>
    public DateOnly? GetDate(int column)
    {
        var cell = Cell(column);
        return _block.Kind(cell) switch
        {
            QueryCellKind.Null => null,
            QueryCellKind.String or QueryCellKind.EscapedString when _block.TryGetDate(cell, out var value) => value,
            var kind => throw Mismatch(column, kind, "DateOnly"),
        };
    }

    /// <summary>The cell as a calendar date (<c>YYYY-MM-DD</c>).</summary>
    /// <param name="column">The column name.</param>
    public DateOnly? GetDate(string column) => GetDate(_block.Columns.GetIndex(column));

    /// <summary>What kind of value a cell holds, for error messages (never the value itself: it may be personal data).</summary>
    internal static string Describe(QueryCellKind kind) => kind switch
    {
        QueryCellKind.Null => "null",
        QueryCellKind.String or QueryCellKind.EscapedString => "a string",
        QueryCellKind.Number => "a number",
        QueryCellKind.True or QueryCellKind.False => "a boolean",
        QueryCellKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>The cell's index in the block.</summary>
    private int Cell(int column)
    {
        var first = _block.FirstCell(_row);
        var count = _block.CellCount(_row);
        return (uint)column < (uint)count
            ? first + column
            : throw new ArgumentOutOfRangeException(nameof(column), column, $"Row {Index} has {count} cells; there is no cell {column}.");
    }

    private InvalidCastException Mismatch(int column, QueryCellKind kind, string targetType)
    {
        var columns = _block.Columns.Columns;
        var name = column < columns.Count ? columns[column].Name : column.ToString(CultureInfo.InvariantCulture);
        return new InvalidCastException($"Column '{name}' in row {Index} holds {Describe(kind)}; it cannot be read as {targetType}.");
    }
}
