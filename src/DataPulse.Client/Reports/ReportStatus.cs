using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Reports;

/// <summary>
/// Where an asynchronously generated report stands. The known values are static members; a value the server adds later
/// is kept as-is (see <see cref="Value"/>) instead of failing to parse, and the client keeps waiting on it as on
/// <see cref="Processing"/>.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ReportStatus>))]
public readonly struct ReportStatus : IEquatable<ReportStatus>, IExtensibleValue<ReportStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form, for values this version of the SDK does not name.</summary>
    /// <param name="value">The wire value, for example <c>"queued"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public ReportStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The server is still generating the report (<c>processing</c>).</summary>
    public static ReportStatus Processing { get; } = new("processing");

    /// <summary>The report is ready to download (<c>ready</c>).</summary>
    public static ReportStatus Ready { get; } = new("ready");

    /// <summary>Generation failed; the status carries the server's error (<c>failed</c>).</summary>
    public static ReportStatus Failed { get; } = new("failed");

    /// <summary>The wire value, exactly as the server sends it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator ==(ReportStatus left, ReportStatus right) => left.Equals(right);

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator !=(ReportStatus left, ReportStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ReportStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReportStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;

    static ReportStatus IExtensibleValue<ReportStatus>.FromWire(string value) => new(value);
}
