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
        for (var i = 0; i < result.Columns.Count; i++)
        {
            var header = Markup.Escape(result.Columns[i].Name);
            table.AddColumn(
                IsNumber(result.Columns[i].Type) ? Tables.NumberColumn(header)
                : IsProse(result, i) ? new TableColumn(header)
                : Tables.ValueColumn(header));
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(Enumerable.Range(0, row.Count).Select(i => Cell(row[i], IsNumber(result.Columns[i].Type))).ToArray());
        }

        Tables.Write(table, FormattableString.Invariant(
            $"{Numbers.Count(result.Meta.RowCount)} rows{(result.Meta.Truncated ? " (truncated)" : string.Empty)} in {Numbers.Count(result.Meta.ExecutionTimeMs)} ms, {result.Meta.QueryId}"));
    }

    private static bool IsNumber(QueryColumnType type) => type == QueryColumnType.Number || type == QueryColumnType.Integer;

    /// <summary>
    /// Whether a column holds prose (a space in some value) rather than ids, codes, dates or flags: only prose may
    /// wrap, at its spaces; any other value stays on one line.
    /// </summary>
    private static bool IsProse(QueryResult result, int column) =>
        result.Rows.Any(row => row[column].ValueKind == JsonValueKind.String && row[column].GetString()!.Contains(' ', StringComparison.Ordinal));

    private static Text Cell(JsonElement value, bool number) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => new Text("null", new Style(Color.Grey)),
        JsonValueKind.String => new Text(value.GetString()!),
        JsonValueKind.Number when number => new Text(Numbers.Amount(value.GetRawText())),
        _ => new Text(value.GetRawText()),
    };
}
