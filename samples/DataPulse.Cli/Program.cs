// datapulse: a terminal client for DataPulse Analytics, built on DataPulse.Client and Spectre.Console.
// Without DATAPULSE_API_KEY (or with --sandbox) every command runs against the in-process sandbox.
using DataPulse.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("datapulse");
    config.AddCommand<KpiCommand>("kpi").WithDescription("KPI summary for a period and vertical.").WithExample("kpi", "--period", "90d", "--vertical", "saas");
    config.AddCommand<QueryCommand>("query").WithDescription("Run an ad-hoc SQL query.").WithExample("query", "\"SELECT region, SUM(revenue) FROM transactions GROUP BY region\"");
    config.AddCommand<CustomerCommand>("customer").WithDescription("Show a customer profile.").WithExample("customer", "cust_92f8a3b1");
    config.AddCommand<PredictCommand>("predict").WithDescription("Run a prediction model.").WithExample("predict", "churn_v3", "-f", "tenure_months=14", "-f", "is_annual=false");
    config.AddCommand<ExportCommand>("export").WithDescription("Export a report to a file, with live progress.").WithExample("export", "--template", "tmpl_q3_performance", "--format", "pdf");
});
return await app.RunAsync(args);
