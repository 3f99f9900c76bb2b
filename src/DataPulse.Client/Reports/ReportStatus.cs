using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Reports;

/// <summary>
/// Where an asynchronously generated report stands. The known values are static members; a value the server adds later
/// is kept as-is (see <see cref="Value"/>) instead of failing to parse, and the client keeps waiting on it as on
/// <see cref="Processing"/>.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ReportStatus>))]
[ExtensibleValue(Example = "queued")]
public readonly partial struct ReportStatus
{
    /// <summary>The server is still generating the report (<c>processing</c>).</summary>
    public static ReportStatus Processing { get; } = new("processing");

    /// <summary>The report is ready to download (<c>ready</c>).</summary>
    public static ReportStatus Ready { get; } = new("ready");

    /// <summary>Generation failed; the status carries the server's error (<c>failed</c>).</summary>
    public static ReportStatus Failed { get; } = new("failed");
}
