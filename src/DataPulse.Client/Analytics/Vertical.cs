using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The business vertical a KPI summary is computed for. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<Vertical>))]
[ExtensibleValue(Example = "finance")]
public readonly partial struct Vertical
{
    /// <summary>Retail (<c>retail</c>).</summary>
    public static Vertical Retail { get; } = new("retail");

    /// <summary>Software as a service (<c>saas</c>).</summary>
    public static Vertical Saas { get; } = new("saas");

    /// <summary>Finance (<c>finance</c>).</summary>
    public static Vertical Finance { get; } = new("finance");
}
