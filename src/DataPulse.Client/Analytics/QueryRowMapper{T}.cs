using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Analytics;

/// <summary>
/// Maps query rows to <typeparamref name="T"/> through the caller's source-generated metadata, without reflection, straight
/// from the result's cells. A type that metadata can build (<see cref="JsonTypeInfo.CreateObject"/> and a setter per
/// matched property of a common type) is filled cell by cell, each cell parsed once, with no JSON in between. Any other
/// contract (constructor parameters, <c>init</c> or <c>required</c> members, converters, other property types): System.Text.Json
/// has no public way to call its constructor, so each row's matched cells, with their original UTF-8 text, are laid out as
/// one small JSON object (in a pooled buffer reused for every row) and read by <see cref="JsonSerializer"/>, so
/// converters, constructors, required members and nullability behave as the caller's context says.
/// </summary>
internal sealed class QueryRowMapper<T>
{
    private static readonly object TrueBox = true;
    private static readonly object FalseBox = false;

    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly IReadOnlyList<QueryColumn> _columns;

    // The matched columns, in column order.
    private readonly Binding[] _bindings;
    private readonly Dictionary<string, Binding> _byProperty = new(StringComparer.Ordinal);
    private readonly bool _direct;

    public QueryRowMapper(IReadOnlyList<QueryColumn> columns, JsonTypeInfo<T> typeInfo)
    {
        EnsureMapsToObjects(typeInfo);
        _typeInfo = typeInfo;
        _columns = columns;
        if (typeInfo.Kind == JsonTypeInfoKind.Dictionary)
        {
            _bindings = [.. columns.Select((column, i) => new Binding(i, column.Name, null))];
            return;
        }

        var properties = typeInfo.Properties;
        var taken = new bool[properties.Count];
        var matched = new JsonPropertyInfo?[columns.Count];

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
                if (matched[i] is not null)
                {
                    continue;
                }

                for (var p = 0; p < properties.Count; p++)
                {
                    if (!taken[p] && match(columns[i].Name, properties[p].Name))
                    {
                        taken[p] = true;
                        matched[i] = properties[p];
                        break;
                    }
                }
            }
        }

        var bindings = new List<Binding>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (matched[i] is { } property)
            {
                var binding = new Binding(i, property.Name, property);
                bindings.Add(binding);
                _byProperty[property.Name] = binding;
            }
        }

        _bindings = [.. bindings];
        _direct = CanFillDirectly(typeInfo, _bindings, taken);
    }

    /// <summary>Whether the rows are built without System.Text.Json reading them (for tests and measurements).</summary>
    internal bool FillsDirectly => _direct;

    /// <summary>Refuses a row type that is not read from a JSON object (checked before a query is sent).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not read from a JSON object.</exception>
    public static void EnsureMapsToObjects(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind is not (JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary))
        {
            throw new ArgumentException(
                $"Query rows map to objects; {typeof(T).Name} is read from JSON as {typeInfo.Kind}. Pass the metadata of a class, record or struct with a property per column.",
                nameof(typeInfo));
        }
    }

    /// <summary>Maps every row, once, in order.</summary>
    public IReadOnlyList<T> MapAll(QueryCells cells)
    {
        var rows = new SmallArrayList<T>.Builder(cells.RowCount);
        var json = _direct ? [] : ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            foreach (var block in cells.Blocks)
            {
                for (var r = 0; r < block.RowCount; r++)
                {
                    rows.Add(Map(block, r, ref json));
                }
            }
        }
        finally
        {
            if (json.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(json);
            }
        }

        return rows.Build();
    }

    /// <summary>Maps one row of a block.</summary>
    /// <param name="block">The row's block.</param>
    /// <param name="row">The row's position in the block.</param>
    /// <param name="json">A pooled buffer for the rows System.Text.Json reads; replaced by a larger one when too small.</param>
    /// <exception cref="InvalidCastException">A cell does not fit its property.</exception>
    public T Map(QueryCellBlock block, int row, ref byte[] json) => _direct ? Fill(block, row) : Read(block, row, ref json);

    /// <summary>
    /// Whether every matched property can be set straight from its cell with the same outcome System.Text.Json would
    /// give: the type is created without arguments, and each property is settable, of a common type, with no converter or
    /// number handling of its own, and no required property is left without a column.
    /// </summary>
    private static bool CanFillDirectly(JsonTypeInfo<T> typeInfo, Binding[] bindings, bool[] taken)
    {
        var options = typeInfo.Options;
        if (typeInfo.CreateObject is null
            || typeInfo.NumberHandling is not null
            || options.NumberHandling != JsonNumberHandling.Strict
            || typeInfo.PreferredPropertyObjectCreationHandling == JsonObjectCreationHandling.Populate
#if NET9_0_OR_GREATER
            || options.RespectNullableAnnotations
#endif
            )
        {
            return false;
        }

        for (var p = 0; p < typeInfo.Properties.Count; p++)
        {
            if (typeInfo.Properties[p].IsRequired && !taken[p])
            {
                return false;
            }
        }

        foreach (var binding in bindings)
        {
            var property = binding.Property!;
            if (binding.Target == QueryCellTarget.None
                || property.Set is null
                || property.CustomConverter is not null
                || property.NumberHandling is not null
                || property.IsExtensionData
                || property.ObjectCreationHandling == JsonObjectCreationHandling.Populate
                || options.Converters.Any(c => c.CanConvert(property.PropertyType)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Creates the row's object and sets each matched property from its cell.</summary>
    private T Fill(QueryCellBlock block, int row)
    {
        object target = _typeInfo.CreateObject!()!;
        _typeInfo.OnDeserializing?.Invoke(target);
        var first = block.FirstCell(row);
        var count = block.CellCount(row);
        foreach (var binding in _bindings)
        {
            if (binding.Column < count)
            {
                binding.Property!.Set!(target, Value(block, first + binding.Column, binding, block.FirstRow + row));
            }
        }

        _typeInfo.OnDeserialized?.Invoke(target);
        return (T)target;
    }

    /// <summary>The cell as the property's type, boxed for its setter.</summary>
    private object? Value(QueryCellBlock block, int cell, Binding binding, int row)
    {
        var kind = block.Kind(cell);
        if (kind == QueryCellKind.Null)
        {
            return binding.AcceptsNull ? null : throw Mismatch(binding, kind, row, null);
        }

        var isString = kind is QueryCellKind.String or QueryCellKind.EscapedString;
        switch (binding.Target)
        {
            case QueryCellTarget.String when isString:
                try
                {
                    return block.GetString(cell);
                }
                catch (InvalidOperationException ex)
                {
                    throw Mismatch(binding, kind, row, ex);
                }

            case QueryCellTarget.Boolean when kind is QueryCellKind.True or QueryCellKind.False:
                return kind == QueryCellKind.True ? TrueBox : FalseBox;
            case QueryCellTarget.Int32 when kind == QueryCellKind.Number && block.TryGetInt32(cell, out var int32):
                return int32;
            case QueryCellTarget.Int64 when kind == QueryCellKind.Number && block.TryGetInt64(cell, out var int64):
                return int64;
            case QueryCellTarget.Decimal when kind == QueryCellKind.Number && block.TryGetDecimal(cell, out var number):
                return number;
            case QueryCellTarget.Double when kind == QueryCellKind.Number && block.TryGetDouble(cell, out var real):
                return real;
            case QueryCellTarget.DateTimeOffset when isString && block.TryGetDateTimeOffset(cell, out var timestamp):
                return timestamp;
            case QueryCellTarget.DateOnly when isString && block.TryGetIsoDate(cell, out var date):
                return date;
            default:
                throw Mismatch(binding, kind, row, null);
        }
    }

    /// <summary>Lays the row's matched cells out as one JSON object and reads it with the caller's contract.</summary>
    private T Read(QueryCellBlock block, int row, ref byte[] buffer)
    {
        var first = block.FirstCell(row);
        var count = block.CellCount(row);
        var length = 2;
        foreach (var binding in _bindings)
        {
            length += binding.Column < count ? binding.Prefix.Length + block.JsonLength(first + binding.Column) + 1 : 0;
        }

        if (buffer.Length < length)
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            buffer = ArrayPool<byte>.Shared.Rent(length);
        }

        var written = 0;
        buffer[written++] = (byte)'{';
        foreach (var binding in _bindings)
        {
            if (binding.Column >= count)
            {
                continue;
            }

            if (written > 1)
            {
                buffer[written++] = (byte)',';
            }

            binding.Prefix.CopyTo(buffer, written);
            written += binding.Prefix.Length;
            var json = block.Json(first + binding.Column, out var rented);
            json.CopyTo(buffer.AsSpan(written));
            written += json.Length;
            QueryCellBlock.Return(rented);
        }

        buffer[written++] = (byte)'}';
        try
        {
            return JsonSerializer.Deserialize(buffer.AsSpan(0, written), _typeInfo)!;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            throw Mismatch(block, row, ex);
        }
    }

    private InvalidCastException Mismatch(Binding binding, QueryCellKind kind, int row, Exception? cause)
    {
        var column = _columns[binding.Column];
        return new InvalidCastException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Column '{column.Name}' ({column.Type}) in row {row} holds {QueryRow.Describe(kind)}; it cannot be read as {TypeName(binding.Property!.PropertyType)} (property '{binding.Name}' of {TypeName(typeof(T))})."),
            cause);
    }

    private InvalidCastException Mismatch(QueryCellBlock block, int row, Exception cause)
    {
        var index = block.FirstRow + row;
        var property = PropertyOf((cause as JsonException)?.Path);
        if (property is not null && _byProperty.TryGetValue(property, out var binding) && binding.Column < block.CellCount(row))
        {
            return Mismatch(binding, block.Kind(block.FirstCell(row) + binding.Column), index, cause);
        }

        return new InvalidCastException(
            string.Create(CultureInfo.InvariantCulture, $"Row {index} cannot be read as {TypeName(typeof(T))}: {cause.Message}"),
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

    /// <summary>A column and the property it fills (none for a dictionary, which takes every column by name).</summary>
    private sealed class Binding
    {
        public Binding(int column, string name, JsonPropertyInfo? property)
        {
            Column = column;
            Name = name;
            Property = property;
            var encoded = JsonEncodedText.Encode(name).EncodedUtf8Bytes;
            Prefix = new byte[encoded.Length + 3];
            Prefix[0] = (byte)'"';
            encoded.CopyTo(Prefix.AsSpan(1));
            Prefix[^2] = (byte)'"';
            Prefix[^1] = (byte)':';
            if (property is not null)
            {
                var type = property.PropertyType;
                var underlying = Nullable.GetUnderlyingType(type);
                AcceptsNull = !type.IsValueType || underlying is not null;
                Target = TargetOf(underlying ?? type);
            }
        }

        public int Column { get; }

        /// <summary>The JSON property name.</summary>
        public string Name { get; }

        public JsonPropertyInfo? Property { get; }

        /// <summary><c>"name":</c> in UTF-8, escaped as JSON.</summary>
        public byte[] Prefix { get; }

        public bool AcceptsNull { get; }

        public QueryCellTarget Target { get; }

        private static QueryCellTarget TargetOf(Type type) =>
            type == typeof(string) ? QueryCellTarget.String
            : type == typeof(bool) ? QueryCellTarget.Boolean
            : type == typeof(int) ? QueryCellTarget.Int32
            : type == typeof(long) ? QueryCellTarget.Int64
            : type == typeof(decimal) ? QueryCellTarget.Decimal
            : type == typeof(double) ? QueryCellTarget.Double
            : type == typeof(DateTimeOffset) ? QueryCellTarget.DateTimeOffset
            : type == typeof(DateOnly) ? QueryCellTarget.DateOnly
            : QueryCellTarget.None;
    }
}
