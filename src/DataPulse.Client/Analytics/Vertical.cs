using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The business vertical a KPI summary is computed for. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<Vertical>))]
public readonly struct Vertical : IEquatable<Vertical>, IExtensibleValue<Vertical>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form, for values this version of the SDK does not name.</summary>
    /// <param name="value">The wire value, for example <c>"finance"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public Vertical(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Retail (<c>retail</c>).</summary>
    public static Vertical Retail { get; } = new("retail");

    /// <summary>Software as a service (<c>saas</c>).</summary>
    public static Vertical Saas { get; } = new("saas");

    /// <summary>Finance (<c>finance</c>).</summary>
    public static Vertical Finance { get; } = new("finance");

    /// <summary>The wire value, exactly as the server sends it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator ==(Vertical left, Vertical right) => left.Equals(right);

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator !=(Vertical left, Vertical right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Vertical other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Vertical other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;

    static Vertical IExtensibleValue<Vertical>.FromWire(string value) => new(value);
}
