using System.Globalization;
using System.Text.Json;
using DataPulse.Client.Testing.Data;
using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Operations;
using DataPulse.Client.Testing.Pipeline;
using DataPulse.Client.Testing.Query;
using DataPulse.Client.Testing.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPulse.Client.Testing.Resources;

/// <summary>
/// <c>POST /v1/reports/export</c> (the file, or 202 when exports are asynchronous), <c>GET /v1/reports/{id}</c> and
/// <c>GET /v1/reports/{id}/download</c>.
/// </summary>
internal static class ReportsRoutes
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWrite(HttpMethods.Post, "/v1/reports/export", Export);
        endpoints.MapRead("/v1/reports/{id}/download", Download);
        endpoints.MapRead("/v1/reports/{id}", Status);
    }

    private static SandboxResponse Export(SandboxCall call)
    {
        if (!JsonBody.TryRead(call, out var body, out var error) || Read(call, body, out error) is not { } request)
        {
            return error!;
        }

        string fileStem, title, sql;
        if (request.TemplateId is { } templateId)
        {
            if (!Templates.TryGet(templateId, out var template))
            {
                return ApiErrors.NotFound(call, "template_not_found",
                    $"No report template has the id '{templateId}'. The sandbox has {string.Join(", ", Templates.Ids)}.");
            }

            (fileStem, title, sql) = template;
        }
        else
        {
            (fileStem, title, sql) = ("query_" + AnalyticsRoutes.QueryId(request.Sql!)[4..], "Query export", request.Sql!);
        }

        var table = QueryEngine.Run(sql, out var problem, request.Start, request.End);
        if (table is null)
        {
            return ApiErrors.BadRequest(call, "invalid_query", problem!, "query.sql");
        }

        var report = ReportRenderer.Render(fileStem, title, request.Format, table, request.IncludeCharts);
        if (call.State.Scenarios.ExportPolls is { } polls)
        {
            var id = call.State.Reports.Add(report, polls);
            return SandboxJson.Response(202, new { ReportId = id, Status = "processing" })
                .WithHeader("Location", "/v1/reports/" + id)
                .WithHeader("Retry-After", "0");
        }

        return File(report);
    }

    private static SandboxResponse Status(SandboxCall call)
    {
        var id = call.RouteValue("id");
        return call.State.Reports.Poll(id) switch
        {
            null => ApiErrors.NotFound(call, "report_not_found", $"No report has the id '{id}'."),
            true => SandboxJson.Ok(new { ReportId = id, Status = "ready" }),
            false => SandboxJson.Ok(new { ReportId = id, Status = "processing" }).WithHeader("Retry-After", "0"),
        };
    }

    private static SandboxResponse Download(SandboxCall call)
    {
        var id = call.RouteValue("id");
        var report = call.State.Reports.Download(id, out var known);
        return report is not null ? File(report)
            : known ? ApiErrors.Create(call, 409, "report_not_ready", $"Report '{id}' is still processing; poll GET /v1/reports/{id} until it is ready.")
            : ApiErrors.NotFound(call, "report_not_found", $"No report has the id '{id}'.");
    }

    private static SandboxResponse File(RenderedReport report) =>
        new SandboxResponse(200, report.ContentType, report.Content) { IsFile = true }
            .WithHeader("Content-Disposition", $"attachment; filename=\"{report.FileName}\"");

    private static ExportRequest? Read(SandboxCall call, JsonElement body, out SandboxResponse? error)
    {
        error = null;
        var hasTemplate = body.TryGetProperty("template_id", out var template) && template.ValueKind != JsonValueKind.Null;
        var hasQuery = body.TryGetProperty("query", out var query) && query.ValueKind != JsonValueKind.Null;
        if (hasTemplate == hasQuery)
        {
            error = ApiErrors.InvalidParameter(call, "template_id",
                hasTemplate ? "Send either 'template_id' or 'query', not both." : "Send one of 'template_id' or 'query'.");
            return null;
        }

        string? templateId = null, sql = null;
        if (hasTemplate && JsonBody.RequiredString(call, body, "template_id", "template_id", out error) is not { } t)
        {
            return null;
        }
        else if (hasTemplate)
        {
            templateId = template.GetString();
        }

        if (hasQuery)
        {
            if (query.ValueKind != JsonValueKind.Object)
            {
                error = ApiErrors.InvalidParameter(call, "query", "'query' must be an object such as { \"sql\": \"SELECT ...\" }.");
                return null;
            }

            if ((sql = JsonBody.RequiredString(call, query, "sql", "query.sql", out error)) is null)
            {
                return null;
            }
        }

        if (JsonBody.RequiredString(call, body, "format", "format", out error) is not { } format)
        {
            return null;
        }

        if (ReportFormats.MediaType(format) is null)
        {
            error = ApiErrors.InvalidParameter(call, "format", "'format' must be one of csv, pdf, xlsx.");
            return null;
        }

        var includeCharts = false;
        if (body.TryGetProperty("include_charts", out var charts) && charts.ValueKind != JsonValueKind.Null)
        {
            if (charts.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                error = ApiErrors.InvalidParameter(call, "include_charts", "'include_charts' must be true or false.");
                return null;
            }

            includeCharts = charts.GetBoolean();
        }

        DateOnly? start = null, end = null;
        if (body.TryGetProperty("date_range", out var range) && range.ValueKind != JsonValueKind.Null)
        {
            if (!TryDate(range, "start", out start) || !TryDate(range, "end", out end))
            {
                error = ApiErrors.InvalidParameter(call, start is null ? "date_range.start" : "date_range.end",
                    "'date_range' needs 'start' and 'end' as YYYY-MM-DD dates.");
                return null;
            }

            if (start > end)
            {
                error = ApiErrors.InvalidParameter(call, "date_range", "'date_range.start' must not be after 'date_range.end'.");
                return null;
            }
        }

        return new ExportRequest(templateId, sql, format, includeCharts, start, end);
    }

    private static bool TryDate(JsonElement range, string name, out DateOnly? date)
    {
        date = null;
        if (range.ValueKind == JsonValueKind.Object
            && range.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
        }

        return date is not null;
    }

    private sealed record ExportRequest(string? TemplateId, string? Sql, string Format, bool IncludeCharts, DateOnly? Start, DateOnly? End);
}
