using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// How likely customers are to leave, as the KPI summary rates it. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ChurnRisk>))]
[ExtensibleValue(Example = "high")]
public readonly partial struct ChurnRisk
{
    /// <summary>Low risk (<c>low</c>).</summary>
    public static ChurnRisk Low { get; } = new("low");

    /// <summary>Medium risk (<c>medium</c>).</summary>
    public static ChurnRisk Medium { get; } = new("medium");

    /// <summary>High risk (<c>high</c>).</summary>
    public static ChurnRisk High { get; } = new("high");
}
