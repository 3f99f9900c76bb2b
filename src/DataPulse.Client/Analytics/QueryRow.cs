using System.Globalization;
using System.Text.Json;

namespace DataPulse.Client.Analytics;

/// <summary>
/// One row of a query result. Cells are read by column position or name; each getter returns <see langword="null"/>
/// for a null cell and throws <see cref="InvalidCastException"/>, naming the column and row, for a cell of another type.
/// </summary>
public sealed class QueryRow
{
    private readonly QueryColumnIndex _columns;
    private readonly JsonElement[] _cells;

    internal QueryRow(QueryColumnIndex columns, JsonElement[] cells, int index)
    {
        _columns = columns;
        _cells = cells;
        Index = index;
    }

    /// <summary>The row's zero-based position in the result.</summary>
    public int Index { get; }

    /// <summary>How many cells the row has.</summary>
    public int Count => _cells.Length;

    /// <summary>The raw JSON cell at a column position.</summary>
    /// <param name="column">The zero-based column position.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no such column in this row.</exception>
    public JsonElement this[int column] => Cell(column);

    /// <summary>The raw JSON cell of a named column.</summary>
    /// <param name="column">The column name (exact, else ignoring case).</param>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public JsonElement this[string column] => Cell(_columns.GetIndex(column));

    /// <summary>Whether the cell is null.</summary>
    /// <param name="column">The zero-based column position.</param>
    public bool IsNull(int column) => Cell(column).ValueKind == JsonValueKind.Null;

    /// <summary>Whether the cell is null.</summary>
    /// <param name="column">The column name.</param>
    public bool IsNull(string column) => IsNull(_columns.GetIndex(column));

    /// <summary>The cell as text.</summary>
    /// <param name="column">The zero-based column position.</param>
    public string? GetString(int column) => Read(column, "string", JsonValueKind.String, static e => e.GetString());

    /// <summary>The cell as text.</summary>
    /// <param name="column">The column name.</param>
    public string? GetString(string column) => GetString(_columns.GetIndex(column));

    /// <summary>The cell as an exact decimal number.</summary>
    /// <param name="column">The zero-based column position.</param>
    public decimal? GetDecimal(int column) => Read(column, "decimal", JsonValueKind.Number, static e => e.TryGetDecimal(out var v) ? v : (decimal?)null);

    /// <summary>The cell as an exact decimal number.</summary>
    /// <param name="column">The column name.</param>
    public decimal? GetDecimal(string column) => GetDecimal(_columns.GetIndex(column));

    /// <summary>The cell as a floating-point number.</summary>
    /// <param name="column">The zero-based column position.</param>
    public double? GetDouble(int column) => Read(column, "double", JsonValueKind.Number, static e => e.TryGetDouble(out var v) ? v : (double?)null);

    /// <summary>The cell as a floating-point number.</summary>
    /// <param name="column">The column name.</param>
    public double? GetDouble(string column) => GetDouble(_columns.GetIndex(column));

    /// <summary>The cell as a whole number.</summary>
    /// <param name="column">The zero-based column position.</param>
    public long? GetInt64(int column) => Read(column, "long", JsonValueKind.Number, static e => e.TryGetInt64(out var v) ? v : (long?)null);

    /// <summary>The cell as a whole number.</summary>
    /// <param name="column">The column name.</param>
    public long? GetInt64(string column) => GetInt64(_columns.GetIndex(column));

    /// <summary>The cell as true or false.</summary>
    /// <param name="column">The zero-based column position.</param>
    public bool? GetBoolean(int column)
    {
        var cell = Cell(column);
        return cell.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Mismatch(column, cell, "bool"),
        };
    }

    /// <summary>The cell as true or false.</summary>
    /// <param name="column">The column name.</param>
    public bool? GetBoolean(string column) => GetBoolean(_columns.GetIndex(column));

    /// <summary>The cell as a timestamp (ISO-8601).</summary>
    /// <param name="column">The zero-based column position.</param>
    public DateTimeOffset? GetDateTimeOffset(int column) =>
        Read(column, "DateTimeOffset", JsonValueKind.String, static e => e.TryGetDateTimeOffset(out var v) ? v : (DateTimeOffset?)null);

    /// <summary>The cell as a timestamp (ISO-8601).</summary>
    /// <param name="column">The column name.</param>
    public DateTimeOffset? GetDateTimeOffset(string column) => GetDateTimeOffset(_columns.GetIndex(column));

    /// <summary>The cell as a calendar date (<c>YYYY-MM-DD</c>).</summary>
    /// <param name="column">The zero-based column position.</param>
    public DateOnly? GetDate(int column) =>
        Read(column, "DateOnly", JsonValueKind.String, static e =>
            DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : (DateOnly?)null);

    /// <summary>The cell as a calendar date (<c>YYYY-MM-DD</c>).</summary>
    /// <param name="column">The column name.</param>
    public DateOnly? GetDate(string column) => GetDate(_columns.GetIndex(column));

    private JsonElement Cell(int column) =>
        (uint)column < (uint)_cells.Length
            ? _cells[column]
            : throw new ArgumentOutOfRangeException(nameof(column), column, $"Row {Index} has {_cells.Length} cells; there is no cell {column}.");

    private T? Read<T>(int column, string targetType, JsonValueKind expected, Func<JsonElement, T?> convert)
        where T : struct
    {
        var cell = Cell(column);
        if (cell.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return cell.ValueKind == expected && convert(cell) is { } value ? value : throw Mismatch(column, cell, targetType);
    }

    private string? Read(int column, string targetType, JsonValueKind expected, Func<JsonElement, string?> convert)
    {
        var cell = Cell(column);
        if (cell.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return cell.ValueKind == expected ? convert(cell) : throw Mismatch(column, cell, targetType);
    }

    private InvalidCastException Mismatch(int column, JsonElement cell, string targetType)
    {
        var name = column < _columns.Columns.Count ? _columns.Columns[column].Name : column.ToString(CultureInfo.InvariantCulture);
        return new InvalidCastException(
            $"Column '{name}' in row {Index} holds {Describe(cell)}; it cannot be read as {targetType}.");
    }

    /// <summary>What kind of value a cell holds, for error messages (never the value itself: it may be personal data).</summary>
    internal static string Describe(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => cell.ValueKind.ToString(),
    };
}
