using System.Net.Http.Headers;

namespace DataPulse.Client.Reports;

/// <summary>A safe file name from <c>Content-Disposition</c>: never a path, never empty.</summary>
internal static class ReportFileName
{
    public static string From(ContentDispositionHeaderValue? disposition, string? contentType)
    {
        var raw = disposition?.FileNameStar ?? disposition?.FileName;
        var name = raw?.Trim().Trim('"');
        if (!string.IsNullOrEmpty(name))
        {
            // A server (or a proxy) must not be able to steer a save outside the folder the caller chose.
            name = name.Replace('\\', '/');
            name = name[(name.LastIndexOf('/') + 1)..];
            var invalid = Path.GetInvalidFileNameChars();
            name = new string(name.Select(c => Array.IndexOf(invalid, c) >= 0 || char.IsControl(c) || c == ':' ? '_' : c).ToArray()).Trim();
            if (name.Length > 0 && name.Trim('.').Length > 0)
            {
                return name;
            }
        }

        return "report" + ExtensionFor(contentType);
    }

    private static string ExtensionFor(string? contentType) => contentType switch
    {
        "text/csv" => ".csv",
        "application/pdf" => ".pdf",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        _ => ".bin",
    };
}
