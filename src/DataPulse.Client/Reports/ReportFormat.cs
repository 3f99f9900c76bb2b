using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Reports;

/// <summary>
/// The file format of an exported report. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ReportFormat>))]
public readonly struct ReportFormat : IEquatable<ReportFormat>, IExtensibleValue<ReportFormat>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form, for values this version of the SDK does not name.</summary>
    /// <param name="value">The wire value, for example <c>"xlsx"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public ReportFormat(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Comma-separated values (<c>csv</c>).</summary>
    public static ReportFormat Csv { get; } = new("csv");

    /// <summary>A PDF document (<c>pdf</c>).</summary>
    public static ReportFormat Pdf { get; } = new("pdf");

    /// <summary>An Excel workbook (<c>xlsx</c>).</summary>
    public static ReportFormat Xlsx { get; } = new("xlsx");

    /// <summary>The wire value, exactly as the server sends it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator ==(ReportFormat left, ReportFormat right) => left.Equals(right);

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator !=(ReportFormat left, ReportFormat right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ReportFormat other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReportFormat other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;

    static ReportFormat IExtensibleValue<ReportFormat>.FromWire(string value) => new(value);
}
