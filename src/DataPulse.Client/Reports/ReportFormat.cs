using System.Text.Json.Serialization;
using DataPulse.Client.Serialization;

namespace DataPulse.Client.Reports;

/// <summary>
/// The file format of an exported report. The known values are static members; a value the server adds later is kept as-is
/// (see <see cref="Value"/>) instead of failing to parse.
/// </summary>
[JsonConverter(typeof(ExtensibleValueJsonConverter<ReportFormat>))]
[ExtensibleValue(Example = "xlsx")]
public readonly partial struct ReportFormat
{
    /// <summary>Comma-separated values (<c>csv</c>).</summary>
    public static ReportFormat Csv { get; } = new("csv");

    /// <summary>A PDF document (<c>pdf</c>).</summary>
    public static ReportFormat Pdf { get; } = new("pdf");

    /// <summary>An Excel workbook (<c>xlsx</c>).</summary>
    public static ReportFormat Xlsx { get; } = new("xlsx");
}
