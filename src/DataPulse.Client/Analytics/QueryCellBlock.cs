using System.Buffers;
using System.Text.Json;

namespace DataPulse.Client.Analytics;

/// <summary>
/// Consecutive rows of a query result, kept as the UTF-8 JSON of their cells: one byte array with the cells' text side by
/// side, one 32-bit entry per cell, and where each row's cells begin. Every array is right-sized and stays under the
/// large-object heap's 85,000-byte threshold (see <see cref="QueryCellsBuilder"/>), so a result costs no large-object
/// allocation and outlives the pooled response buffer it was read from. Read-only once built; safe to share across threads.
/// </summary>
internal sealed class QueryCellBlock
{
    /// <summary>At most this many bytes of cell text per block (offsets fit 16 bits).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>At most this many cells per block (a 64 KiB entry array).</summary>
    public const int MaxCells = 16 * 1024;

    /// <summary>At most this many rows per block (a 64 KiB array of row starts, one more than the rows).</summary>
    public const int MaxRows = (16 * 1024) - 1;

    /// <summary>Cells this long or longer are stored apart, in arrays of their own, so that rows stay small.</summary>
    public const int ApartFrom = 4 * 1024;

    // An entry: bits 0-15 the cell's offset in _data, bits 16-27 its length (under 4 KiB), bits 28-30 its kind; with
    // bit 31 set, bits 0-27 are instead its index in _apart. Null, true and false carry no text.
    private const int LengthShift = 16;
    private const uint LengthMask = 0xFFF;
    private const int KindShift = 28;
    private const uint KindMask = 0x7;
    private const uint ApartFlag = 0x8000_0000;
    private const uint ApartIndexMask = 0x0FFF_FFFF;

    private static readonly JsonElement NullElement = Parse("null"u8);
    private static readonly JsonElement TrueElement = Parse("true"u8);
    private static readonly JsonElement FalseElement = Parse("false"u8);

    private readonly byte[] _data;
    private readonly uint[] _cells;
    private readonly int[] _rowStarts;

    // Per long cell: a byte[] up to QueryCellApart.MaxPiece, else a byte[][] of pieces.
    private readonly object[]? _apart;
    private QueryColumnIndex? _columns;

    public QueryCellBlock(int firstRow, int rowCount, byte[] data, uint[] cells, int[] rowStarts, object[]? apart)
    {
        FirstRow = firstRow;
        RowCount = rowCount;
        _data = data;
        _cells = cells;
        _rowStarts = rowStarts;
        _apart = apart;
    }

    /// <summary>The position in the result of this block's first row.</summary>
    public int FirstRow { get; }

    public int RowCount { get; }

    /// <summary>The result's columns: set once, before any row of the block is handed out.</summary>
    public QueryColumnIndex Columns => _columns ?? throw new InvalidOperationException("The block's columns are not attached yet.");

    public static uint Inline(QueryCellKind kind, int offset, int length) =>
        ((uint)kind << KindShift) | ((uint)length << LengthShift) | (uint)offset;

    public static uint Apart(QueryCellKind kind, int index) => ApartFlag | ((uint)kind << KindShift) | (uint)index;

    public void Attach(QueryColumnIndex columns) => _columns = columns;

    /// <summary>The index of the row's first cell in this block.</summary>
    public int FirstCell(int row) => _rowStarts[row];

    public int CellCount(int row) => _rowStarts[row + 1] - _rowStarts[row];

    public QueryCellKind Kind(int cell) => (QueryCellKind)((_cells[cell] >> KindShift) & KindMask);

    /// <summary>The cell's JSON text (a string with its quotes). For a long cell stored in pieces, the pieces are joined
    /// into <paramref name="rented"/>, which the caller returns to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public ReadOnlySpan<byte> Json(int cell, out byte[]? rented)
    {
        rented = null;
        var entry = _cells[cell];
        if ((entry & ApartFlag) == 0)
        {
            return (QueryCellKind)((entry >> KindShift) & KindMask) switch
            {
                QueryCellKind.Null => "null"u8,
                QueryCellKind.True => "true"u8,
                QueryCellKind.False => "false"u8,
                _ => InlineText(entry),
            };
        }

        return ApartText(entry, out rented);
    }

    /// <summary>The length of <see cref="Json"/>, without joining pieces.</summary>
    public int JsonLength(int cell)
    {
        var entry = _cells[cell];
        if ((entry & ApartFlag) == 0)
        {
            return (QueryCellKind)((entry >> KindShift) & KindMask) switch
            {
                QueryCellKind.Null or QueryCellKind.True => 4,
                QueryCellKind.False => 5,
                _ => (int)((entry >> LengthShift) & LengthMask),
            };
        }

        return QueryCellApart.Length(_apart![(int)(entry & ApartIndexMask)]);
    }

    /// <summary>A string cell's text, unescaped, exactly as <see cref="JsonElement.GetString"/> would read it.</summary>
    public string GetString(int cell)
    {
        var entry = _cells[cell];
        var escaped = (QueryCellKind)((entry >> KindShift) & KindMask) == QueryCellKind.EscapedString;
        if ((entry & ApartFlag) == 0)
        {
            return QueryCellText.GetString(InlineText(entry), escaped);
        }

        var text = ApartText(entry, out var rented);
        try
        {
            return QueryCellText.GetString(text, escaped);
        }
        finally
        {
            Return(rented);
        }
    }

    public bool TryGetDecimal(int cell, out decimal value)
    {
        var entry = _cells[cell];
        if ((entry & ApartFlag) == 0)
        {
            return QueryCellText.TryGetDecimal(InlineText(entry), out value);
        }

        var ok = QueryCellText.TryGetDecimal(ApartText(entry, out var rented), out value);
        Return(rented);
        return ok;
    }

    public bool TryGetDouble(int cell, out double value)
    {
        var entry = _cells[cell];
        if ((entry & ApartFlag) == 0)
        {
            return QueryCellText.TryGetDouble(InlineText(entry), out value);
        }

        var ok = QueryCellText.TryGetDouble(ApartText(entry, out var rented), out value);
        Return(rented);
        return ok;
    }

    public bool TryGetInt64(int cell, out long value)
    {
        var entry = _cells[cell];
        if ((entry & ApartFlag) == 0)
        {
            return QueryCellText.TryGetInt64(InlineText(entry), out value);
        }

        var ok = QueryCellText.TryGetInt64(ApartText(entry, out var rented), out value);
        Return(rented);
        return ok;
    }

    public bool TryGetInt32(int cell, out int value)
    {
        var entry = _cells[cell];
        if ((entry & ApartFlag) == 0)
        {
            return QueryCellText.TryGetInt32(InlineText(entry), out value);
        }

        var ok = QueryCellText.TryGetInt32(ApartText(entry, out var rented), out value);
        Return(rented);
        return ok;
    }

    /// <summary>A string cell as an ISO-8601 timestamp, as <see cref="JsonElement.TryGetDateTimeOffset"/> reads it.</summary>
    public bool TryGetDateTimeOffset(int cell, out DateTimeOffset value)
    {
        var entry = _cells[cell];
        var escaped = (QueryCellKind)((entry >> KindShift) & KindMask) == QueryCellKind.EscapedString;
        if ((entry & ApartFlag) == 0)
        {
            return QueryCellText.TryGetDateTimeOffset(InlineText(entry), escaped, out value);
        }

        var ok = QueryCellText.TryGetDateTimeOffset(ApartText(entry, out var rented), escaped, out value);
        Return(rented);
        return ok;
    }

    /// <summary>A string cell as a <c>yyyy-MM-dd</c> date, as <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, System.Globalization.DateTimeStyles, out DateOnly)"/> reads its text.</summary>
    public bool TryGetDate(int cell, out DateOnly value)
    {
        var entry = _cells[cell];
        var escaped = (QueryCellKind)((entry >> KindShift) & KindMask) == QueryCellKind.EscapedString;
        if ((entry & ApartFlag) == 0)
        {
            return QueryCellText.TryGetDate(InlineText(entry), escaped, out value);
        }

        var text = ApartText(entry, out var rented);
        try
        {
            return QueryCellText.TryGetDate(text, escaped, out value);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>A string cell as a <see cref="DateOnly"/> property of the caller's type: as System.Text.Json reads it (ISO 8601, <c>yyyy-MM-dd</c>).</summary>
    public bool TryGetIsoDate(int cell, out DateOnly value)
    {
        var json = Json(cell, out var rented);
        try
        {
            if (Kind(cell) == QueryCellKind.String && QueryCellText.TryGetPlainDate(json[1..^1], out value))
            {
                return true;
            }

            try
            {
                value = JsonSerializer.Deserialize(json, AnalyticsJsonContext.Default.DateOnly);
                return true;
            }
            catch (JsonException)
            {
                value = default;
                return false;
            }
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>The cell as JSON, a copy that owns its own memory.</summary>
    public JsonElement ToElement(int cell)
    {
        switch (Kind(cell))
        {
            case QueryCellKind.Null:
                return NullElement;
            case QueryCellKind.True:
                return TrueElement;
            case QueryCellKind.False:
                return FalseElement;
        }

        var json = Json(cell, out var rented);
        try
        {
            return Parse(json);
        }
        finally
        {
            Return(rented);
        }
    }

    public static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private ReadOnlySpan<byte> InlineText(uint entry) =>
        new(_data, (int)(entry & 0xFFFF), (int)((entry >> LengthShift) & LengthMask));

    private ReadOnlySpan<byte> ApartText(uint entry, out byte[]? rented) =>
        QueryCellApart.Read(_apart![(int)(entry & ApartIndexMask)], out rented);

    private static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }
}
