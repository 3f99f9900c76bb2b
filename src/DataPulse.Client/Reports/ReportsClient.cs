using System.Net;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Reports;

internal sealed class ReportsClient(IReportsApi api) : IReportsClient
{
    internal const string ExportOperation = "Reports.Export";

    public async Task<ReportFile> ExportAsync(ReportExportRequest request, CancellationToken cancellationToken = default)
    {
        var body = ToBody(request);
        var key = IdempotencyKey.For(request.IdempotencyKey);
        var response = await ApiCall.SendRawAsync(api, ExportOperation, (a, ct) => a.Export(body, key, ct), cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                throw new DataPulseException(
                    "Reports.Export: the server is generating the report asynchronously (202 Accepted), which this version of the client does not follow yet.",
                    ExportOperation,
                    null);
            }

            var content = response.Content;
            var contentType = content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ReportFile(
                stream,
                ReportFileName.From(content.Headers.ContentDisposition, contentType),
                contentType,
                content.Headers.ContentLength,
                ResponseHeaderReader.ReadInfo(response),
                owner: response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static ExportBody ToBody(ReportExportRequest request)
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
            throw new ArgumentException($"DateRange.Start ({range.Start:yyyy-MM-dd}) must not be after DateRange.End ({range.End:yyyy-MM-dd}).", nameof(request));
        }

        return new ExportBody(
            hasTemplate ? request.TemplateId : null,
            hasQuery ? new ExportQuery(request.Query!) : null,
            request.Format,
            request.IncludeCharts,
            request.DateRange);
    }
}
