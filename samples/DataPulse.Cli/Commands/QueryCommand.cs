using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DataPulse.Client;
using DataPulse.Client.Analytics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataPulse.Cli.Commands;

internal sealed class QueryCommand : DataPulseCommand<QueryCommand.Settings>
{
    internal sealed class Settings : DataPulseSettings
    {
        [CommandArgument(0, "<SQL>")]
        [Description("The query, for example \"SELECT * FROM transactions LIMIT 5\".")]
        public string Sql { get; init; } = string.Empty;

        // Text, checked in Validate: Spectre's own conversion error names .NET types ("Nullable`1").
        [CommandOption("-l|--limit <LIMIT>")]
        [Description("Maximum rows, 1 to 10000 (server default 100).")]
        public string? Limit { get; init; }

        /// <summary>The limit as a number, once <see cref="Validate"/> has passed.</summary>
        public int? LimitValue => Limit is null ? null : int.Parse(Limit, NumberStyles.Integer, CultureInfo.InvariantCulture);

        public override ValidationResult Validate() =>
            Limit is null || int.TryParse(Limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--limit must be a whole number from 1 to 10000; '{Limit}' is not.");
    }

    protected override async Task RunAsync(DataPulseClient client, Settings settings, CancellationToken cancellationToken)
    {
        var result = await client.Analytics.QueryAsync(settings.Sql, settings.LimitValue, cancellationToken);
        if (settings.Json)
        {
            WriteJson(new
            {
                Columns = result.Columns.Select(c => new { c.Name, Type = c.Type.Value }),
                Rows = result.Rows.Select(r => Enumerable.Range(0, r.Count).Select(i => r[i])),
                Meta = new { result.Meta.QueryId, result.Meta.RowCount, result.Meta.Truncated, result.Meta.ExecutionTimeMs },
            });
            return;
        }

        var table = new Table();
        foreach (var column in result.Columns)
        {
            var header = Markup.Escape(column.Name);
            table.AddColumn(
                column.Type == QueryColumnType.Number || column.Type == QueryColumnType.Integer ? Tables.NumberColumn(header)
                : column.Type == QueryColumnType.Timestamp || column.Type == QueryColumnType.Date ? new TableColumn(header).NoWrap()
                : new TableColumn(header));
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(Enumerable.Range(0, row.Count)
                .Select(i => row.IsNull(i) ? "[grey]null[/]" : Markup.Escape(row[i].ValueKind == JsonValueKind.String ? row[i].GetString()! : row[i].GetRawText()))
                .ToArray());
        }

        Tables.WriteWithCaption(table, $"{result.Meta.RowCount} rows{(result.Meta.Truncated ? " (truncated)" : string.Empty)} in {result.Meta.ExecutionTimeMs} ms, {result.Meta.QueryId}");
    }
}
