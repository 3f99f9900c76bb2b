using System.ComponentModel;
using System.Globalization;
using DataPulse.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataPulse.Cli.Commands;

internal sealed class CustomerCommand : DataPulseCommand<CustomerCommand.Settings>
{
    internal sealed class Settings : DataPulseSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("A customer id (cust_92f8a3b1) or an external id (\"crm:42/a b\").")]
        public string Id { get; init; } = string.Empty;
    }

    protected override async Task RunAsync(DataPulseClient client, Settings settings, CancellationToken cancellationToken)
    {
        var customer = await client.Customers.GetAsync(settings.Id, cancellationToken);
        if (settings.Json)
        {
            WriteJson(new
            {
                customer.CustomerId, customer.Segments, customer.LifetimeValue, customer.LastInteraction, customer.ChurnProbability,
                Additional = customer.AdditionalFields,
            });
            return;
        }

        var table = new Table().Title($"Customer {Markup.Escape(customer.CustomerId)}").HideHeaders().AddColumn("Field").AddColumn(Tables.NumberColumn("Value"));
        // One segment a line: the value column never wraps, so a long list must not make it wider than the console.
        table.AddRow("Segments", Markup.Escape(string.Join('\n', customer.Segments)));
        table.AddRow("Lifetime value", Numbers.Amount(customer.LifetimeValue, 2));
        table.AddRow("Last interaction", customer.LastInteraction?.ToString("u", CultureInfo.InvariantCulture) ?? "[grey]never[/]");
        table.AddRow("Churn probability", customer.ChurnProbability is { } churn ? Numbers.Percent(churn) : "[grey]unknown[/]");
        foreach (var (name, value) in customer.AdditionalFields)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value.ToString()));
        }

        Tables.Write(table);
    }
}
