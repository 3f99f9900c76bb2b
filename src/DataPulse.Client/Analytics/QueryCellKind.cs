namespace DataPulse.Client.Analytics;

/// <summary>What a query cell holds, as the JSON token it arrived as (three bits of a cell's entry).</summary>
internal enum QueryCellKind : byte
{
    Null = 0,
    False = 1,
    True = 2,
    Number = 3,

    /// <summary>A string without escape sequences: its UTF-8 text is read as-is.</summary>
    String = 4,

    /// <summary>A string with escape sequences (<c>\n</c>, <c>\u00e9</c>): read through <see cref="System.Text.Json.Utf8JsonReader"/>.</summary>
    EscapedString = 5,

    Array = 6,
    Object = 7,
}
