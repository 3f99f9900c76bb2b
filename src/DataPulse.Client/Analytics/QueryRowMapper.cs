using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DataPulse.Client.Analytics;

/// <summary>
/// Maps query rows to <typeparamref name="T"/> through the caller's source-generated metadata, without reflection: each
/// row's matched cells are written as one small JSON object (into a buffer reused for every row) and read back by
/// <see cref="JsonSerializer"/>, so converters, constructors, required members and nullability behave as the caller's
/// context says. The result's JSON document is never copied whole.
/// </summary>
internal sealed class QueryRowMapper<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly IReadOnlyList<QueryColumn> _columns;

    // Per column: the JSON property it fills, or null when T has no property for it.
    private readonly JsonEncodedText?[] _targets;
    private readonly Dictionary<string, (int Column, Type Type)> _byProperty = new(StringComparer.Ordinal);

    public QueryRowMapper(IReadOnlyList<QueryColumn> columns, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind is not (JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary))
        {
            throw new ArgumentException(
                $"Query rows map to objects; {typeof(T).Name} is read from JSON as {typeInfo.Kind}. Pass the metadata of a class, record or struct with a property per column.",
                nameof(typeInfo));
        }

        _typeInfo = typeInfo;
        _columns = columns;
        _targets = new JsonEncodedText?[columns.Count];
        if (typeInfo.Kind == JsonTypeInfoKind.Dictionary)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                _targets[i] = JsonEncodedText.Encode(columns[i].Name);
            }

            return;
        }

        var properties = typeInfo.Properties;
        var taken = new bool[properties.Count];

        // Best match first: the exact JSON name, then ignoring case, then ignoring case and separators (sum_revenue = SumRevenue).
        foreach (var match in new Func<string, string, bool>[]
        {
            static (column, property) => string.Equals(column, property, StringComparison.Ordinal),
            static (column, property) => string.Equals(column, property, StringComparison.OrdinalIgnoreCase),
            static (column, property) => string.Equals(Simplify(column), Simplify(property), StringComparison.OrdinalIgnoreCase),
        })
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (_targets[i] is not null)
                {
                    continue;
                }

                for (var p = 0; p < properties.Count; p++)
                {
                    if (!taken[p] && match(columns[i].Name, properties[p].Name))
                    {
                        taken[p] = true;
                        _targets[i] = JsonEncodedText.Encode(properties[p].Name);
                        _byProperty[properties[p].Name] = (i, properties[p].PropertyType);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Maps every row, once, into a new array.</summary>
    public T[] MapAll(IReadOnlyList<QueryRow> rows)
    {
        var result = new T[rows.Count];
        var buffer = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(buffer);
        for (var r = 0; r < rows.Count; r++)
        {
            result[r] = Map(rows[r], buffer, writer);
        }

        return result;
    }

    private T Map(QueryRow row, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        var cells = Math.Min(row.Count, _targets.Length);
        for (var i = 0; i < cells; i++)
        {
            if (_targets[i] is { } name)
            {
                writer.WritePropertyName(name);
                row[i].WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        writer.Flush();
        try
        {
            return JsonSerializer.Deserialize(buffer.WrittenSpan, _typeInfo)!;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            throw Mismatch(row, ex);
        }
    }

    private InvalidCastException Mismatch(QueryRow row, Exception cause)
    {
        var property = PropertyOf((cause as JsonException)?.Path);
        if (property is not null && _byProperty.TryGetValue(property, out var target))
        {
            var column = _columns[target.Column];
            var cell = row[target.Column];
            return new InvalidCastException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Column '{column.Name}' ({column.Type}) in row {row.Index} holds {QueryRow.Describe(cell)}; it cannot be read as {TypeName(target.Type)} (property '{property}' of {TypeName(typeof(T))})."),
                cause);
        }

        return new InvalidCastException(
            string.Create(CultureInfo.InvariantCulture, $"Row {row.Index} cannot be read as {TypeName(typeof(T))}: {cause.Message}"),
            cause);
    }

    /// <summary>The top-level property a JSON path such as <c>$.sum_revenue</c> or <c>$['a b']</c> points into.</summary>
    private static string? PropertyOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith('$') || path.Length < 2)
        {
            return null;
        }

        if (path[1] == '.')
        {
            var end = path.IndexOfAny(['.', '['], 2);
            return end < 0 ? path[2..] : path[2..end];
        }

        if (path.StartsWith("$['", StringComparison.Ordinal))
        {
            var end = path.IndexOf("']", 3, StringComparison.Ordinal);
            return end < 0 ? null : path[3..end];
        }

        return null;
    }

    private static string Simplify(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;
}
