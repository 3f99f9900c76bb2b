#if !NET9_0_OR_GREATER
using System.Buffers;
using System.Text;
#endif
using System.Text.Json;

namespace DataPulse.Client.Analytics;

/// <summary>
/// Reads a query's <c>rows</c> (an array of arrays of cells) in one forward pass with <see cref="Utf8JsonReader"/>, noting
/// each cell's kind and where its text lies, and hands each row to a <see cref="QueryCellsBuilder"/>. No document is built.
/// </summary>
internal static class QueryRowsReader
{
    /// <summary>Reads the value the reader is on: <c>null</c> (no rows) or an array of rows.</summary>
    /// <param name="reader">Positioned on the value of <c>rows</c>; left on its last token.</param>
    /// <param name="answer">The whole text the reader reads, from which the cells are copied.</param>
    /// <param name="sink">Takes blocks of rows as they are complete, instead of their being kept.</param>
    /// <exception cref="ArgumentException">The rows are not an array of arrays.</exception>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2208:Instantiate argument exceptions correctly", Justification = "Names the rows as the public constructor's parameter does; the answer's reader reports the message as the reason.")]
    public static QueryCells Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> answer, IQueryRowSink? sink = null)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return QueryCells.Empty;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new ArgumentException($"Query rows must be a JSON array; found {KindOf(ref reader)}.", "rows");
        }

        using var builder = new QueryCellsBuilder(sink);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new ArgumentException($"Query row {builder.RowCount} must be a JSON array of cells; found {KindOf(ref reader)}.", "rows");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        builder.Add(reader.ValueIsEscaped ? QueryCellKind.EscapedString : QueryCellKind.String, start, reader.ValueSpan.Length + 2);
                        break;
                    case JsonTokenType.Number:
                        builder.Add(QueryCellKind.Number, start, reader.ValueSpan.Length);
                        break;
                    case JsonTokenType.True:
                        builder.Add(QueryCellKind.True, 0, 0);
                        break;
                    case JsonTokenType.False:
                        builder.Add(QueryCellKind.False, 0, 0);
                        break;
                    case JsonTokenType.Null:
                        builder.Add(QueryCellKind.Null, 0, 0);
                        break;
                    default:
                        // An array or object in a cell (a column type the SDK does not know): kept whole, as its JSON text.
                        var kind = reader.TokenType == JsonTokenType.StartArray ? QueryCellKind.Array : QueryCellKind.Object;
                        reader.Skip();
                        builder.Add(kind, start, (int)reader.BytesConsumed - start);
                        break;
                }
            }

            builder.EndRow(answer);
        }

        return builder.Build();
    }

    /// <summary>Reads rows given as a <see cref="JsonElement"/> (the public constructor's path): its JSON text, as it was written, read as above.</summary>
    /// <exception cref="ArgumentException">The rows are not an array of arrays.</exception>
    public static QueryCells Read(JsonElement rows)
    {
        if (rows.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return QueryCells.Empty;
        }

        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw new ArgumentException($"Query rows must be a JSON array; found {rows.ValueKind}.", nameof(rows));
        }

#if NET9_0_OR_GREATER
        var text = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(rows);
        var reader = new Utf8JsonReader(text);
        reader.Read();
        return Read(ref reader, text);
#else
        // The raw text keeps each cell as written (escapes, spacing), as JsonElement.GetRawText shows it.
        var raw = rows.GetRawText();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(raw.Length));
        try
        {
            var text = buffer.AsSpan(0, Encoding.UTF8.GetBytes(raw, buffer));
            var reader = new Utf8JsonReader(text);
            reader.Read();
            return Read(ref reader, text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
#endif
    }

    /// <summary>The token's kind as <see cref="JsonValueKind"/> names it, for the messages above.</summary>
    private static JsonValueKind KindOf(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };
}
