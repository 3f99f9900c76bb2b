using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// How likely customers are to leave, as the KPI summary rates it. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ChurnRisk>))]
public readonly struct ChurnRisk : IEquatable<ChurnRisk>, IExtensibleValue<ChurnRisk>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form, for values this version of the SDK does not name.</summary>
    /// <param name="value">The wire value, for example <c>"high"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public ChurnRisk(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Low risk (<c>low</c>).</summary>
    public static ChurnRisk Low { get; } = new("low");

    /// <summary>Medium risk (<c>medium</c>).</summary>
    public static ChurnRisk Medium { get; } = new("medium");

    /// <summary>High risk (<c>high</c>).</summary>
    public static ChurnRisk High { get; } = new("high");

    /// <summary>The wire value, exactly as the server sends it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator ==(ChurnRisk left, ChurnRisk right) => left.Equals(right);

    /// <summary>Compares two values by their wire value, ignoring case.</summary>
    public static bool operator !=(ChurnRisk left, ChurnRisk right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ChurnRisk other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChurnRisk other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;

    static ChurnRisk IExtensibleValue<ChurnRisk>.FromWire(string value) => new(value);
}
