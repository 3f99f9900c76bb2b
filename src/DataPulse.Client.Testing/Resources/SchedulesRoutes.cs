using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataPulse.Client.Testing.Data;
using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Operations;
using DataPulse.Client.Testing.Pipeline;
using DataPulse.Client.Testing.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPulse.Client.Testing.Resources;

/// <summary><c>POST</c>/<c>GET /v1/reports/schedules</c> (cursor pages) and <c>DELETE /v1/reports/schedules/{id}</c>.</summary>
internal static partial class SchedulesRoutes
{
    // Literal segments outrank parameters in ASP.NET Core routing: "schedules" is never read as a report id.
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWrite(HttpMethods.Post, "/v1/reports/schedules", Create);
        endpoints.MapRead("/v1/reports/schedules", List);
        endpoints.MapWrite(HttpMethods.Delete, "/v1/reports/schedules/{id}", Remove);
    }

    private static SandboxResponse Create(SandboxCall call)
    {
        if (!JsonBody.TryRead(call, out var body, out var error)
            || JsonBody.RequiredString(call, body, "template_id", "template_id", out error) is not { } templateId
            || JsonBody.RequiredString(call, body, "format", "format", out error) is not { } format
            || JsonBody.RequiredString(call, body, "cron", "cron", out error) is not { } cron
            || JsonBody.RequiredString(call, body, "timezone", "timezone", out error) is not { } timezone)
        {
            return error!;
        }

        if (ReportFormats.MediaType(format) is null)
        {
            return ApiErrors.InvalidParameter(call, "format", "'format' must be one of csv, pdf, xlsx.");
        }

        if (!CronPattern().IsMatch(cron))
        {
            return ApiErrors.InvalidParameter(call, "cron", "'cron' must have five fields, for example \"0 6 * * 1\".");
        }

        // The pattern covers Area/Location ids; single-name IANA ids (GMT, EST5EDT, Japan) are known through ICU.
        if (!TimeZonePattern().IsMatch(timezone) && !TimeZoneInfo.TryConvertIanaIdToWindowsId(timezone, out _))
        {
            return ApiErrors.InvalidParameter(call, "timezone", "'timezone' must be an IANA time zone such as Europe/Berlin, or UTC.");
        }

        if (!body.TryGetProperty("recipients", out var recipients)
            || recipients.ValueKind != JsonValueKind.Array
            || recipients.GetArrayLength() == 0
            || recipients.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String || !r.GetString()!.Contains('@', StringComparison.Ordinal)))
        {
            return ApiErrors.InvalidParameter(call, "recipients", "'recipients' must be a non-empty list of e-mail addresses.");
        }

        if (!Templates.TryGet(templateId, out _))
        {
            return ApiErrors.NotFound(call, "template_not_found", $"No report template has the id '{templateId}'.");
        }

        var schedule = call.State.Schedules.Add(templateId, format, cron, timezone, recipients.EnumerateArray().Select(r => r.GetString()!).ToArray());
        return SandboxJson.Response(201, schedule);
    }

    private static SandboxResponse List(SandboxCall call)
    {
        if (!JsonBody.TryInteger(call, "limit", null, call.QueryValue("limit"), 1, 100, 20, out var limit, out var error))
        {
            return error!;
        }

        var offset = 0;
        if (call.QueryValue("cursor") is { } cursor
            && !(cursor.StartsWith("c_", StringComparison.Ordinal)
                 && int.TryParse(cursor.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            return ApiErrors.BadRequest(call, "invalid_cursor", "'cursor' is not a cursor this server issued.", "cursor");
        }

        var (items, next) = call.State.Schedules.Page(offset, limit);
        return SandboxJson.Ok(new { Data = items, Meta = new { NextCursor = next } });
    }

    private static SandboxResponse Remove(SandboxCall call)
    {
        var id = call.RouteValue("id");
        return call.State.Schedules.Remove(id)
            ? new SandboxResponse(204)
            : ApiErrors.NotFound(call, "schedule_not_found", $"No schedule has the id '{id}'.");
    }

    [GeneratedRegex(@"^\S+(\s+\S+){4}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CronPattern();

    [GeneratedRegex(@"^(UTC|[A-Za-z_]+(/[A-Za-z0-9_+\-]+){1,2})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TimeZonePattern();
}
