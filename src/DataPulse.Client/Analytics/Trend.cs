using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The direction a KPI summary's figures are moving in. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<Trend>))]
[ExtensibleValue(Example = "flat")]
public readonly partial struct Trend
{
    /// <summary>Figures are rising (<c>upward</c>).</summary>
    public static Trend Upward { get; } = new("upward");

    /// <summary>Figures are falling (<c>downward</c>).</summary>
    public static Trend Downward { get; } = new("downward");

    /// <summary>Figures are steady (<c>flat</c>).</summary>
    public static Trend Flat { get; } = new("flat");
}
