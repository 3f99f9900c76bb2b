using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The type of a query result column. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name the wire values string and integer.")]
[JsonConverter(typeof(ExtensibleValueJsonConverter<QueryColumnType>))]
[ExtensibleValue(Example = "date")]
public readonly partial struct QueryColumnType
{
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
}
