using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The time window a KPI summary covers. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<KpiPeriod>))]
public readonly struct KpiPeriod : IEquatable<KpiPeriod>, IExtensibleValue<KpiPeriod>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form, for values this version of the SDK does not name.</summary>
    /// <param name="value">The wire value, for example <c>"1y"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public KpiPeriod(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The last seven days (<c>7d</c>).</summary>
    public static KpiPeriod SevenDays { get; } = new("7d");

    /// <summary>The last thirty days, the server's default (<c>30d</c>).</summary>
    public static KpiPeriod ThirtyDays { get; } = new("30d");

    /// <summary>The last ninety days (<c>90d</c>).</summary>
    public static KpiPeriod NinetyDays { get; } = new("90d");

    /// <summary>The last year (<c>1y</c>).</summary>
    public static KpiPeriod OneYear { get; } = new("1y");

    /// <summary>The wire value, exactly as the server sends it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator ==(KpiPeriod left, KpiPeriod right) => left.Equals(right);

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator !=(KpiPeriod left, KpiPeriod right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(KpiPeriod other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KpiPeriod other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;

    static KpiPeriod IExtensibleValue<KpiPeriod>.FromWire(string value) => new(value);
}
