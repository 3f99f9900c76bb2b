using DataPulse.Cli.Tests.Infrastructure;
using Spectre.Console;

namespace DataPulse.Cli.Tests;

public sealed class ColumnFitterTests
{
    private static readonly string[][] Rows =
    [
        ["txn_1002", "cust_1c4e7d20", "Enterprise Suite", "27,930.00"],
        ["txn_1003", "cust_5a9b3f66", "Data Connectors", "1,575.00"],
    ];

    [Fact]
    public void Fit_WhenItFits_ChangesNothing()
    {
        var output = Render(width: 120);

        output.Should().Contain("│ txn_1002       │ cust_1c4e7d20 │ Enterprise Suite │ 27,930.00 │");
    }

    [Fact]
    public void Fit_SlightlyTooWide_WrapsProseAtSpacesBeforeCuttingAnything()
    {
        var output = Render(width: 60);

        output.Should().Contain("cust_1c4e7d20").And.Contain("Enterprise").And.Contain("Suite").And.NotContain("Enterprise Suite");
        output.Split('\n').Should().OnlyContain(line => line.Length <= 60);
    }

    [Fact]
    public void Fit_FarTooNarrow_CutsIdsWithAnEllipsis_NeverFoldsThem_KeepsNumbersWhole()
    {
        var output = Render(width: 44);

        output.Split('\n').Should().OnlyContain(line => line.Length <= 44);
        output.Should().Contain("…").And.Contain("27,930.00").And.Contain("1,575.00");
        TableText.Column(output, 1).Should().Contain(cell => cell.EndsWith('…'))
            .And.OnlyContain(cell => cell.Length == 0 || cell.StartsWith("cust_", StringComparison.Ordinal), "a cut id keeps its start; no fragment on a line of its own");
    }

    private static string Render(int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        var table = new Table()
            .AddColumn(Tables.ValueColumn("transaction_id"))
            .AddColumn(Tables.ValueColumn("customer_id"))
            .AddColumn(new TableColumn("product"))
            .AddColumn(Tables.NumberColumn("revenue"));
        foreach (var row in Rows)
        {
            table.AddRow(row.Select(cell => new Text(cell)).ToArray());
        }

        ColumnFitter.Fit(table, console);
        console.Write(table);
        return writer.ToString();
    }
}
