using System.Globalization;
using System.Text;
using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Operations;
using DataPulse.Client.Testing.Pipeline;
using DataPulse.Client.Testing.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPulse.Client.Testing.Resources;

/// <summary><c>GET /v1/analytics/kpis</c> and <c>POST /v1/analytics/query</c>.</summary>
internal static class AnalyticsRoutes
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRead("/v1/analytics/kpis", Kpis);
        endpoints.MapWrite(HttpMethods.Post, "/v1/analytics/query", RunQuery);
    }

    private static SandboxResponse Kpis(SandboxCall call)
    {
        var period = call.QueryValue("period") ?? "30d";
        if (!Data.Kpis.Periods.Contains(period, StringComparer.Ordinal))
        {
            return ApiErrors.InvalidParameter(call, "period", "'period' must be one of 7d, 30d, 90d, 1y.");
        }

        var vertical = call.QueryValue("vertical");
        if (vertical is not null && !Data.Kpis.Verticals.Contains(vertical, StringComparer.Ordinal))
        {
            return ApiErrors.InvalidParameter(call, "vertical", "'vertical' must be one of retail, saas, finance.");
        }

        return SandboxJson.Ok(Data.Kpis.For(period, vertical));
    }

    private static SandboxResponse RunQuery(SandboxCall call)
    {
        if (!JsonBody.TryRead(call, out var body, out var error)
            || JsonBody.RequiredString(call, body, "sql", "sql", out error) is not { } sql
            || !JsonBody.TryInteger(call, "limit", body.TryGetProperty("limit", out var l) ? l : null, null, 1, 10_000, 100, out var limit, out error))
        {
            return error!;
        }

        var table = QueryEngine.Run(sql, out var problem);
        if (table is null)
        {
            return ApiErrors.BadRequest(call, "invalid_query", problem!, "sql");
        }

        var rows = table.Rows.Take(limit).ToList();
        return SandboxJson.Ok(new
        {
            Data = new
            {
                Columns = table.Columns.Select(c => new { c.Name, c.Type }),
                Rows = rows,
            },
            Meta = new
            {
                QueryId = QueryId(sql),
                RowCount = rows.Count,
                Truncated = table.Rows.Count > limit,
                ExecutionTimeMs = 3 + table.Rows.Count,
                GeneratedAt = Data.Kpis.GeneratedAt,
            },
        });
    }

    /// <summary>A stable id per SQL text (FNV-1a), so equal queries get equal ids on every run.</summary>
    internal static string QueryId(string sql)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(sql))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return "qry_" + (hash & 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture);
    }
}
