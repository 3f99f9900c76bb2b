using DataPulse.Cli.Commands;

namespace DataPulse.Cli;

/// <summary>
/// The commands, declared once: Spectre.Console.Cli registers them from here, and <see cref="Usage"/> reads their
/// settings to print a usage line after a mistaken command line.
/// </summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<CommandEntry> All { get; } =
    [
        CommandEntry.Create<KpiCommand, KpiCommand.Settings>(
            "kpi", "KPI summary for a period and vertical.", "kpi", "--period", "90d", "--vertical", "saas"),
        CommandEntry.Create<QueryCommand, QueryCommand.Settings>(
            "query", "Run an ad-hoc SQL query.", "query", "\"SELECT region, SUM(revenue) FROM transactions GROUP BY region\""),
        CommandEntry.Create<CustomerCommand, CustomerCommand.Settings>(
            "customer", "Show a customer profile.", "customer", "cust_92f8a3b1"),
        CommandEntry.Create<PredictCommand, PredictCommand.Settings>(
            "predict", "Run a prediction model.", "predict", "churn_v3", "-f", "tenure_months=14", "-f", "is_annual=false"),
        CommandEntry.Create<ExportCommand, ExportCommand.Settings>(
            "export", "Export a report to a file, with live progress.", "export", "--template", "tmpl_q3_performance", "--format", "pdf"),
    ];

    /// <summary>The command named by the first argument that is not an option, if it names one.</summary>
    public static CommandEntry? Find(IEnumerable<string> args) =>
        args.FirstOrDefault(a => !a.StartsWith('-')) is { } name ? All.FirstOrDefault(c => c.Name == name) : null;
}
