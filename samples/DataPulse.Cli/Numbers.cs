using System.Globalization;

namespace DataPulse.Cli;

/// <summary>
/// Every number the CLI prints goes through here: invariant culture, thousands separators, so that the same value
/// reads the same in a table, a progress bar and a message, on any machine.
/// </summary>
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>For example <c>18,420</c>.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>For example <c>2,845,000</c> or, with two decimals, <c>12,450.00</c>.</summary>
    public static string Amount(decimal value, int decimals = 0) => value.ToString("N" + decimals.ToString(Invariant), Invariant);

    /// <summary>A number as the API sent it, separators added and its decimals kept: <c>27930.00</c> becomes <c>27,930.00</c>.</summary>
    public static string Amount(string json) =>
        decimal.TryParse(json, NumberStyles.Float, Invariant, out var value) ? Amount(value, value.Scale) : json;

    /// <summary>A fraction as a percentage, for example <c>0.042</c> as <c>4.2 %</c>.</summary>
    public static string Percent(double fraction, int decimals = 0) => fraction.ToString("P" + decimals.ToString(Invariant), Invariant);

    /// <summary>For example <c>1,012 bytes</c>.</summary>
    public static string Bytes(long value) => value == 1 ? "1 byte" : $"{Count(value)} bytes";

    /// <summary>A transfer rate in decimal units, for example <c>512 bytes/s</c> or <c>3.4 MB/s</c>.</summary>
    public static string Rate(double bytesPerSecond) => bytesPerSecond switch
    {
        < 1_000 => $"{Count((long)bytesPerSecond)} bytes/s",
        < 1_000_000 => $"{(bytesPerSecond / 1_000).ToString("N1", Invariant)} kB/s",
        _ => $"{(bytesPerSecond / 1_000_000).ToString("N1", Invariant)} MB/s",
    };
}
