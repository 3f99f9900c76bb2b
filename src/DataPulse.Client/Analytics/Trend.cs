using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The direction a KPI summary's figures are moving in. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<Trend>))]
public readonly struct Trend : IEquatable<Trend>, IExtensibleValue<Trend>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form, for values this version of the SDK does not name.</summary>
    /// <param name="value">The wire value, for example <c>"flat"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public Trend(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Figures are rising (<c>upward</c>).</summary>
    public static Trend Upward { get; } = new("upward");

    /// <summary>Figures are falling (<c>downward</c>).</summary>
    public static Trend Downward { get; } = new("downward");

    /// <summary>Figures are steady (<c>flat</c>).</summary>
    public static Trend Flat { get; } = new("flat");

    /// <summary>The wire value, exactly as the server sends it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator ==(Trend left, Trend right) => left.Equals(right);

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator !=(Trend left, Trend right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Trend other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Trend other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;

    static Trend IExtensibleValue<Trend>.FromWire(string value) => new(value);
}
