using System.Globalization;

namespace DataPulse.Client.Reports;

/// <summary>
/// The client-side checks on an export, before anything is sent: exactly one of template and query, a format, and a date
/// range that runs forwards.
/// </summary>
internal static class ExportRequestValidator
{
    /// <summary>Checks the request and returns the wire body.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A member is invalid; the message names it.</exception>
    public static ExportBody ToBody(ReportExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hasTemplate = !string.IsNullOrWhiteSpace(request.TemplateId);
        var hasQuery = !string.IsNullOrWhiteSpace(request.Query);
        if (hasTemplate == hasQuery)
        {
            throw new ArgumentException(
                hasTemplate
                    ? "Set exactly one of TemplateId and Query; both are set."
                    : "Set exactly one of TemplateId and Query; neither is set.",
                nameof(request));
        }

        if (string.IsNullOrEmpty(request.Format.Value))
        {
            throw new ArgumentException("Format is required, for example ReportFormat.Pdf.", nameof(request));
        }

        if (request.DateRange is { } range && range.Start > range.End)
        {
            // Invariant: under a culture with another calendar (th-TH) "yyyy" would print another year than the caller set.
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"DateRange.Start ({range.Start:yyyy-MM-dd}) must not be after DateRange.End ({range.End:yyyy-MM-dd})."),
                nameof(request));
        }

        return new ExportBody(
            hasTemplate ? request.TemplateId : null,
            hasQuery ? new ExportQuery(request.Query!) : null,
            request.Format,
            request.IncludeCharts,
            request.DateRange);
    }
}
