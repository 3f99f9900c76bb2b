using System.Text.RegularExpressions;
using DataPulse.Client.ContractCheck.Recording;

namespace DataPulse.Client.ContractCheck;

/// <summary>
/// The OpenAPI document's ten operations, by method and path, so the check can show that each was answered with success
/// through Prism at least once and which statuses came back. Listed here, not read from the YAML: a new operation in the
/// document fails the check until a case and a line here cover it.
/// </summary>
internal static partial class OperationCoverage
{
    private static readonly (string Method, Regex Path, string OperationId)[] Operations =
    [
        ("GET", KpisPath(), "getKpiSummary"),
        ("POST", QueryPath(), "runQuery"),
        ("GET", CustomerPath(), "getCustomer"),
        ("POST", PredictionsPath(), "runPrediction"),
        ("POST", ExportPath(), "exportReport"),
        ("GET", SchedulesPath(), "listSchedules"),
        ("POST", SchedulesPath(), "createSchedule"),
        ("DELETE", SchedulePath(), "deleteSchedule"),
        ("GET", DownloadPath(), "downloadReport"),
        ("GET", ReportPath(), "getReport"),
    ];

    public static int Count => Operations.Length;

    /// <summary>The operation an exchange called, or null for a path the document does not have.</summary>
    public static string? OperationOf(Exchange exchange)
    {
        var path = exchange.Target.Split('?', 2)[0];
        foreach (var (method, pattern, operationId) in Operations)
        {
            if (method == exchange.Method && pattern.IsMatch(path))
            {
                return operationId;
            }
        }

        return null;
    }

    /// <summary>Operations no exchange answered with a 2xx (from the upstream, not from Prism).</summary>
    public static IReadOnlyList<string> NotSucceeded(IEnumerable<Exchange> exchanges)
    {
        var succeeded = exchanges.Where(e => e.Status is >= 200 and < 300 && e.PrismError is null)
            .Select(OperationOf)
            .ToHashSet(StringComparer.Ordinal);
        return Operations.Select(o => o.OperationId).Where(id => !succeeded.Contains(id)).ToList();
    }

    [GeneratedRegex("^/v1/analytics/kpis$")]
    private static partial Regex KpisPath();

    [GeneratedRegex("^/v1/analytics/query$")]
    private static partial Regex QueryPath();

    [GeneratedRegex("^/v1/customers/[^/]+$")]
    private static partial Regex CustomerPath();

    [GeneratedRegex("^/v1/predictions$")]
    private static partial Regex PredictionsPath();

    [GeneratedRegex("^/v1/reports/export$")]
    private static partial Regex ExportPath();

    [GeneratedRegex("^/v1/reports/schedules$")]
    private static partial Regex SchedulesPath();

    [GeneratedRegex("^/v1/reports/schedules/[^/]+$")]
    private static partial Regex SchedulePath();

    [GeneratedRegex("^/v1/reports/[^/]+/download$")]
    private static partial Regex DownloadPath();

    [GeneratedRegex("^/v1/reports/[^/]+$")]
    private static partial Regex ReportPath();
}
