using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The type of a query result column. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<QueryColumnType>))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name the wire values string and integer.")]
public readonly struct QueryColumnType : IEquatable<QueryColumnType>, IExtensibleValue<QueryColumnType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form, for values this version of the SDK does not name.</summary>
    /// <param name="value">The wire value, for example <c>"date"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public QueryColumnType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Text (<c>string</c>).</summary>
    public static QueryColumnType String { get; } = new("string");

    /// <summary>A decimal number (<c>number</c>).</summary>
    public static QueryColumnType Number { get; } = new("number");

    /// <summary>A whole number (<c>integer</c>).</summary>
    public static QueryColumnType Integer { get; } = new("integer");

    /// <summary>True or false (<c>boolean</c>).</summary>
    public static QueryColumnType Boolean { get; } = new("boolean");

    /// <summary>An ISO-8601 UTC timestamp (<c>timestamp</c>).</summary>
    public static QueryColumnType Timestamp { get; } = new("timestamp");

    /// <summary>A calendar date, YYYY-MM-DD (<c>date</c>).</summary>
    public static QueryColumnType Date { get; } = new("date");

    /// <summary>The wire value, exactly as the server sends it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator ==(QueryColumnType left, QueryColumnType right) => left.Equals(right);

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator !=(QueryColumnType left, QueryColumnType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(QueryColumnType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QueryColumnType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;

    static QueryColumnType IExtensibleValue<QueryColumnType>.FromWire(string value) => new(value);
}
