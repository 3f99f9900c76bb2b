using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The time window a KPI summary covers. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<KpiPeriod>))]
[ExtensibleValue(Example = "1y")]
public readonly partial struct KpiPeriod
{
    /// <summary>The last seven days (<c>7d</c>).</summary>
    public static KpiPeriod SevenDays { get; } = new("7d");

    /// <summary>The last thirty days, the server's default (<c>30d</c>).</summary>
    public static KpiPeriod ThirtyDays { get; } = new("30d");

    /// <summary>The last ninety days (<c>90d</c>).</summary>
    public static KpiPeriod NinetyDays { get; } = new("90d");

    /// <summary>The last year (<c>1y</c>).</summary>
    public static KpiPeriod OneYear { get; } = new("1y");
}
