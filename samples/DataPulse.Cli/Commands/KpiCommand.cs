using System.ComponentModel;
using DataPulse.Client;
using DataPulse.Client.Analytics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataPulse.Cli.Commands;

internal sealed class KpiCommand : DataPulseCommand<KpiCommand.Settings>
{
    internal sealed class Settings : DataPulseSettings
    {
        [CommandOption("-p|--period <PERIOD>")]
        [Description("7d, 30d, 90d or 1y (default 30d).")]
        public string? Period { get; init; }

        [CommandOption("-v|--vertical <VERTICAL>")]
        [Description("retail, saas or finance (default: all).")]
        public string? Vertical { get; init; }

        public override ValidationResult Validate() =>
            OptionValues.Check<KpiPeriod>(Period, "--period") is { Successful: false } period ? period
            : OptionValues.Check<Vertical>(Vertical, "--vertical");
    }

    protected override async Task RunAsync(DataPulseClient client, Settings settings, CancellationToken cancellationToken)
    {
        var vertical = OptionValues.Find<Vertical>(settings.Vertical);
        var kpis = await client.Analytics.GetKpiSummaryAsync(OptionValues.Find<KpiPeriod>(settings.Period), vertical, cancellationToken);
        if (settings.Json)
        {
            WriteJson(new
            {
                kpis.Revenue, kpis.ActiveUsers, kpis.ConversionRate, ChurnRisk = kpis.ChurnRisk.Value, Trend = kpis.Trend.Value,
                Period = kpis.Period.Value, kpis.Meta.GeneratedAt, kpis.Meta.CacheHit,
            });
            return;
        }

        var table = new Table().Title(Markup.Escape($"KPIs, {kpis.Period} {vertical?.Value ?? "all verticals"}")).AddColumn("Metric").AddColumn(Tables.NumberColumn("Value"));
        table.AddRow("Revenue", Numbers.Amount(kpis.Revenue));
        table.AddRow("Active users", Numbers.Count(kpis.ActiveUsers));
        table.AddRow("Conversion rate", Numbers.Percent(kpis.ConversionRate, 1));
        table.AddRow("Churn risk", Markup.Escape(kpis.ChurnRisk.Value));
        table.AddRow("Trend", Markup.Escape(kpis.Trend.Value));
        Tables.Write(table, FormattableString.Invariant($"generated {kpis.Meta.GeneratedAt:u}{(kpis.Meta.CacheHit ? ", cached" : string.Empty)}"));
    }
}
