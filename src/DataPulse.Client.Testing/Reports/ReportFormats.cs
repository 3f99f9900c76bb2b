namespace DataPulse.Client.Testing.Reports;

/// <summary>The export formats and their media types.</summary>
internal static class ReportFormats
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string? MediaType(string format) => format switch
    {
        "csv" => "text/csv",
        "pdf" => "application/pdf",
        "xlsx" => Xlsx,
        _ => null,
    };
}
