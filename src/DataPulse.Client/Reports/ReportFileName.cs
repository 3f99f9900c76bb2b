using System.Net.Http.Headers;

namespace DataPulse.Client.Reports;

/// <summary>A safe file name from <c>Content-Disposition</c>: never a path, never empty, never longer than a file system allows.</summary>
internal static class ReportFileName
{
    /// <summary>
    /// The longest name kept, in UTF-8 bytes: file systems allow 255, and the save's temporary file beside the target
    /// needs room for a suffix of its own.
    /// </summary>
    public const int MaxUtf8Bytes = 180;

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
                return Shorten(name);
            }
        }

        return "report" + ExtensionFor(contentType);
    }

    /// <summary>Cuts an over-long name to <see cref="MaxUtf8Bytes"/>, keeping its extension (a short one) and whole characters.</summary>
    public static string Shorten(string name)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(name) <= MaxUtf8Bytes)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = string.Empty;
        }

        var stem = name[..^extension.Length];
        var budget = MaxUtf8Bytes - System.Text.Encoding.UTF8.GetByteCount(extension);
        var kept = new System.Text.StringBuilder();
        var used = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > budget)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return kept.ToString().TrimEnd(' ', '.') + extension;
    }

    private static string ExtensionFor(string? contentType) => contentType switch
    {
        "text/csv" => ".csv",
        "application/pdf" => ".pdf",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        _ => ".bin",
    };
}
