using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DataPulse.Client.Analytics;

/// <summary>
/// Reads a cell's UTF-8 JSON text as <see cref="JsonElement"/>'s getters do: numbers with <see cref="Utf8Parser"/> over
/// the whole text, strings transcoded strictly, escaped strings and anything unusual through a
/// <see cref="Utf8JsonReader"/>. The plain shapes the API sends (<c>2025-01-14T16:22:00Z</c>, <c>2025-01-14</c>) take a
/// short path that gives the same value; any other text goes the general way, so the result never differs.
/// </summary>
internal static class QueryCellText
{
    // As System.Text.Json transcodes: invalid UTF-8 throws instead of becoming U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A string token's value; <paramref name="quoted"/> is the token with its quotes.</summary>
    /// <exception cref="InvalidOperationException">The text is not valid UTF-8.</exception>
    public static string GetString(ReadOnlySpan<byte> quoted, bool escaped)
    {
        if (escaped)
        {
            var reader = new Utf8JsonReader(quoted);
            reader.Read();
            return reader.GetString()!;
        }

        try
        {
            return StrictUtf8.GetString(quoted[1..^1]);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidOperationException("Cannot transcode invalid UTF-8 JSON text to UTF-16 string.", ex);
        }
    }

    public static bool TryGetDecimal(ReadOnlySpan<byte> number, out decimal value) =>
        Utf8Parser.TryParse(number, out value, out var consumed) && consumed == number.Length;

    public static bool TryGetDouble(ReadOnlySpan<byte> number, out double value) =>
        Utf8Parser.TryParse(number, out value, out var consumed) && consumed == number.Length;

    public static bool TryGetInt64(ReadOnlySpan<byte> number, out long value) =>
        Utf8Parser.TryParse(number, out value, out var consumed) && consumed == number.Length;

    public static bool TryGetInt32(ReadOnlySpan<byte> number, out int value) =>
        Utf8Parser.TryParse(number, out value, out var consumed) && consumed == number.Length;

    /// <summary>An ISO-8601 timestamp, as <see cref="Utf8JsonReader.TryGetDateTimeOffset"/> reads it.</summary>
    public static bool TryGetDateTimeOffset(ReadOnlySpan<byte> quoted, bool escaped, out DateTimeOffset value)
    {
        if (!escaped && TryGetPlainUtc(quoted[1..^1], out value))
        {
            return true;
        }

        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.TryGetDateTimeOffset(out value);
    }

    /// <summary>A <c>yyyy-MM-dd</c> date, as <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/>
    /// reads the string's text with the invariant culture.</summary>
    public static bool TryGetDate(ReadOnlySpan<byte> quoted, bool escaped, out DateOnly value) =>
        (!escaped && TryGetPlainDate(quoted[1..^1], out value))
        || DateOnly.TryParseExact(GetString(quoted, escaped), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary><c>yyyy-MM-dd</c> with a real calendar date; anything else is left to the general parser.</summary>
    internal static bool TryGetPlainDate(ReadOnlySpan<byte> text, out DateOnly value)
    {
        value = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary><c>yyyy-MM-ddTHH:mm:ss</c>, up to seven decimals of a second, then <c>Z</c>; anything else is left to the general parser.</summary>
    internal static bool TryGetPlainUtc(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20 || text.Length > 28 || text[^1] != 'Z' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryGetPlainDate(text[..10], out var date)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long ticks = 0;
        if (text.Length > 20)
        {
            var fraction = text[20..^1];
            if (text[19] != '.' || fraction.Length == 0 || !TryDigits(fraction, out var digits))
            {
                return false;
            }

            ticks = digits;
            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }
        else if (text[19] != 'Z')
        {
            return false;
        }

        value = new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
