using System.Text.Json;
using DataPulse.Client.Errors;
using DataPulse.Client.Pipeline;

namespace DataPulse.Client.Analytics;

/// <summary>
/// Reads a query answer, <c>{ "data": { "columns": [...], "rows": [[...], ...] }, "meta": {...} }</c>, in one forward
/// pass with <see cref="Utf8JsonReader"/> over the pooled response buffer: the columns and meta through the
/// source-generated contract, the rows cell by cell into <see cref="QueryCells"/> (see <see cref="QueryRowsReader"/>), or
/// straight into the caller's type when a <see cref="IQueryRowSink"/> is given. No <see cref="JsonDocument"/> is built.
/// The same rules as reading the envelope with System.Text.Json: properties in any order, names matched exactly, unknown
/// ones skipped, the last of two equal names wins, and nothing may follow.
/// </summary>
internal readonly struct QueryAnswerReader(string operation, IQueryRowSink? sink = null) : IBodyDecoder<QueryAnswer>
{
    public QueryAnswer? Decode(ReadOnlySpan<byte> body)
    {
        try
        {
            if (sink is null)
            {
                return Read(body, null, out _);
            }

            var answer = Read(body, sink, out var again);
            if (!again)
            {
                return answer;
            }

            // An answer that names its data, columns or rows again after rows were mapped (the last one counts): read
            // again, keeping the rows, to be mapped by the columns that count.
            sink.Reset();
            return Read(body, null, out _);
        }
        catch (ArgumentException ex)
        {
            // Rows that are not arrays of cells: the answer is of another shape, not a caller mistake.
            throw DataPulseExceptionFactory.Unreadable(operation, ex, ex.Message);
        }
    }

    /// <summary>The answer, or <see langword="null"/> when it has no <c>data</c>.</summary>
    /// <exception cref="JsonException">The body is not the expected JSON.</exception>
    /// <exception cref="ArgumentException">The rows are not an array of arrays.</exception>
    public static QueryAnswer? Read(ReadOnlySpan<byte> body) => Read(body, null, out _);

    private static QueryAnswer? Read(ReadOnlySpan<byte> body, IQueryRowSink? sink, out bool again)
    {
        again = false;
        var reader = new Utf8JsonReader(body);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            EnsureEnd(ref reader);
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        (IReadOnlyList<QueryColumn>? Columns, QueryCells? Cells)? data = null;
        QueryMeta? meta = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                if (sink is { HasTaken: true })
                {
                    again = true;
                    return null;
                }

                reader.Read();
                data = reader.TokenType == JsonTokenType.Null ? null : ReadData(ref reader, body, sink, ref again);
                if (again)
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                reader.Read();
                meta = JsonSerializer.Deserialize(ref reader, AnalyticsJsonContext.Default.QueryMeta);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        EnsureEnd(ref reader);
        return data is { } found ? new QueryAnswer(found.Columns ?? [], found.Cells ?? QueryCells.Empty, meta ?? new QueryMeta()) : null;
    }

    private static (IReadOnlyList<QueryColumn>? Columns, QueryCells? Cells) ReadData(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> body, IQueryRowSink? sink, ref bool again)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        IReadOnlyList<QueryColumn>? columns = null;
        QueryCells? cells = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("columns"u8))
            {
                if (sink is { HasTaken: true })
                {
                    again = true;
                    return default;
                }

                reader.Read();
                columns = JsonSerializer.Deserialize(ref reader, AnalyticsJsonContext.Default.IReadOnlyListQueryColumn);
                sink?.UseColumns(columns ?? []);
            }
            else if (reader.ValueTextEquals("rows"u8))
            {
                if (sink is { HasTaken: true })
                {
                    again = true;
                    return default;
                }

                reader.Read();
                cells = QueryRowsReader.Read(ref reader, body, sink);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (columns, cells);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Expected {token} in the query answer, found {reader.TokenType}.");
        }
    }

    /// <summary>The reader itself throws on anything but white space after the answer.</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("The query answer goes on after its end.");
        }
    }
}
