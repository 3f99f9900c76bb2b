using System.Globalization;
using System.Text.RegularExpressions;
using DataPulse.Client.Testing.Data;

namespace DataPulse.Client.Testing.Query;

/// <summary>
/// A deliberately small SQL engine over the <c>transactions</c> table. It answers these shapes (keywords in any case):
/// <list type="bullet">
/// <item><c>SELECT * | col [AS alias], ... FROM transactions [WHERE cond [AND cond ...]] [ORDER BY col [ASC|DESC]] [LIMIT n]</c></item>
/// <item><c>SELECT [col,] AGG(col|*) [AS alias], ... FROM transactions [WHERE ...] [GROUP BY col] [ORDER BY col [ASC|DESC]] [LIMIT n]</c>
/// with AGG one of SUM, AVG, COUNT, MIN, MAX; an aggregate is named <c>sum_revenue</c>, <c>count</c>... unless aliased,
/// and <c>ORDER BY revenue</c> sorts by the aggregate over <c>revenue</c>.</item>
/// </list>
/// A condition is <c>col op literal</c> with op one of <c>= != &lt;&gt; &lt; &lt;= &gt; &gt;=</c> and literal a quoted
/// string, a number, <c>true</c> or <c>false</c>. Anything else is rejected with a message that says what is supported.
/// </summary>
internal static partial class QueryEngine
{
    public const string SupportedShapes =
        "The sandbox answers SELECT <columns|*> FROM transactions [WHERE col = 'value' [AND ...]] [GROUP BY col] [ORDER BY col [ASC|DESC]] [LIMIT n], " +
        "with SUM, AVG, COUNT, MIN or MAX as aggregates.";

    /// <summary>Runs <paramref name="sql"/>; returns null and a message when the sandbox cannot answer it.</summary>
    public static QueryResultTable? Run(string sql, out string? error, DateOnly? from = null, DateOnly? to = null)
    {
        error = null;
        var shape = Shape().Match(sql);
        if (!shape.Success)
        {
            error = "The query is not one the sandbox supports. " + SupportedShapes;
            return null;
        }

        var table = shape.Groups["table"].Value;
        if (!string.Equals(table, Transactions.TableName, StringComparison.OrdinalIgnoreCase))
        {
            error = $"Unknown table '{table}'. The sandbox has one table, transactions.";
            return null;
        }

        try
        {
            var items = ParseSelect(shape.Groups["select"].Value);
            var rows = Transactions.Rows.Where(r => InRange(r, from, to)).ToList();
            if (shape.Groups["where"].Success)
            {
                var conditions = AndKeyword().Split(shape.Groups["where"].Value)
                    .Select(part => ParseCondition(part.Trim()))
                    .ToList();
                rows = rows.Where(r => conditions.TrueForAll(c => c(r))).ToList();
            }

            var groupBy = shape.Groups["group"].Success ? Column(shape.Groups["group"].Value) : (int?)null;
            var order = shape.Groups["order"].Success ? shape.Groups["order"].Value : null;
            var descending = shape.Groups["dir"].Success && string.Equals(shape.Groups["dir"].Value, "DESC", StringComparison.OrdinalIgnoreCase);
            var result = items.Exists(i => i.Aggregate is not null) || groupBy is not null
                ? Aggregate(items, rows, groupBy)
                : Project(items, rows, order, descending, out order);
            var output = result.Rows.ToList();
            if (order is not null)
            {
                var index = OutputColumn(result, items, order);
                output = Sort(output, r => r[index], descending);
            }

            if (shape.Groups["limit"].Success)
            {
                output = output.Take(int.Parse(shape.Groups["limit"].Value, CultureInfo.InvariantCulture)).ToList();
            }

            return result with { Rows = output };
        }
        catch (QueryException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static QueryResultTable Project(List<SelectItem> items, List<object?[]> rows, string? order, bool descending, out string? remainingOrder)
    {
        var columns = items.SelectMany(i => i.Column == "*"
                ? Transactions.Columns.Select(c => new SelectItem(c.Name, null, c.Name))
                : [i])
            .ToList();
        remainingOrder = null;
        if (order is not null)
        {
            // Sorting by a table column works even when it is not selected.
            var alias = columns.Find(c => string.Equals(c.Name, order, StringComparison.OrdinalIgnoreCase));
            var index = Column(alias?.Column ?? order);
            rows = Sort(rows, r => r[index], descending);
        }

        var indexes = columns.Select(c => Column(c.Column)).ToArray();
        return new QueryResultTable(
            columns.Select((c, n) => (c.Name, Transactions.Columns[indexes[n]].Type)).ToList(),
            rows.Select(r => indexes.Select(i => r[i]).ToArray()).ToList());
    }

    private static QueryResultTable Aggregate(List<SelectItem> items, List<object?[]> rows, int? groupBy)
    {
        foreach (var item in items.Where(i => i.Aggregate is null))
        {
            if (groupBy is null || Column(item.Column) != groupBy)
            {
                throw new QueryException($"Column '{item.Column}' must appear in GROUP BY or inside an aggregate.");
            }
        }

        var groups = groupBy is { } g
            ? rows.GroupBy(r => r[g]).Select(x => x.ToList()).ToList()
            : [rows];
        var columns = items.Select(i => (i.Name, TypeOf(i))).ToList();
        var output = groups.Select(group => items.Select(i => i.Aggregate is null ? group[0][Column(i.Column)] : Compute(i, group)).ToArray()).ToList();
        return new QueryResultTable(columns, output);
    }

    private static object? Compute(SelectItem item, List<object?[]> group)
    {
        if (item.Aggregate == "COUNT")
        {
            return item.Column == "*" ? (long)group.Count : (long)group.Count(r => r[Column(item.Column)] is not null);
        }

        var index = Column(item.Column);
        var values = group.Select(r => r[index]).Where(v => v is not null).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        return item.Aggregate switch
        {
            "SUM" when values[0] is long => values.Sum(v => (long)v!),
            "SUM" => values.Sum(ToDecimal),
            "AVG" => decimal.Round(values.Average(ToDecimal), 2),
            "MIN" => values.Min(Comparer),
            _ => values.Max(Comparer),
        };
    }

    private static string TypeOf(SelectItem item)
    {
        if (item.Aggregate == "COUNT")
        {
            return "integer";
        }

        var type = Transactions.Columns[Column(item.Column)].Type;
        return item.Aggregate == "AVG" ? "number" : type;
    }

    private static int OutputColumn(QueryResultTable result, List<SelectItem> items, string order)
    {
        var names = result.Columns.Select(c => c.Name).ToList();
        var index = names.FindIndex(n => string.Equals(n, order, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            index = items.FindIndex(i => i.Aggregate is not null && string.Equals(i.Column, order, StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0 ? index : throw new QueryException($"ORDER BY '{order}' names no selected column or aggregate.");
    }

    private static List<object?[]> Sort(List<object?[]> rows, Func<object?[], object?> key, bool descending)
    {
        // Stable, with nulls last either way.
        var withValues = rows.Where(r => key(r) is not null);
        var sorted = descending ? withValues.OrderByDescending(key, Comparer) : withValues.OrderBy(key, Comparer);
        return [.. sorted, .. rows.Where(r => key(r) is null)];
    }

    private static List<SelectItem> ParseSelect(string select)
    {
        var items = new List<SelectItem>();
        foreach (var part in select.Split(',', StringSplitOptions.TrimEntries))
        {
            var match = SelectItemPattern().Match(part);
            if (!match.Success)
            {
                throw new QueryException($"Cannot read '{part}' in the SELECT list. " + SupportedShapes);
            }

            var column = match.Groups["col"].Value;
            if (column != "*")
            {
                Column(column);
            }

            var aggregate = match.Groups["agg"].Success ? match.Groups["agg"].Value.ToUpperInvariant() : null;
            if (column == "*" && aggregate is not null and not "COUNT")
            {
                throw new QueryException($"{aggregate}(*) is not valid; only COUNT(*) is.");
            }

            var defaultName = aggregate is null ? column
                : column == "*" || aggregate == "COUNT" ? "count"
                : string.Concat(aggregate.ToUpperInvariant() switch { "SUM" => "sum", "AVG" => "avg", "MIN" => "min", _ => "max" }, "_", column);
            items.Add(new SelectItem(column, aggregate, match.Groups["alias"].Success ? match.Groups["alias"].Value : defaultName));
        }

        return items;
    }

    private static Func<object?[], bool> ParseCondition(string text)
    {
        var match = ConditionPattern().Match(text);
        if (!match.Success)
        {
            throw new QueryException($"Cannot read the condition '{text}'. Use col = 'text', col > 10 or col = true.");
        }

        var index = Column(match.Groups["col"].Value);
        var literal = match.Groups["val"].Value;
        object value = literal.StartsWith('\'')
            ? literal[1..^1]
            : bool.TryParse(literal, out var flag) ? flag
            : decimal.Parse(literal, NumberStyles.Number, CultureInfo.InvariantCulture);
        var op = match.Groups["op"].Value;
        return row =>
        {
            var cell = row[index];
            if (cell is null)
            {
                return false;
            }

            var comparison = Comparer.Compare(cell, value);
            return op switch
            {
                "=" => comparison == 0,
                "!=" or "<>" => comparison != 0,
                "<" => comparison < 0,
                "<=" => comparison <= 0,
                ">" => comparison > 0,
                _ => comparison >= 0,
            };
        };
    }

    private static int Column(string name)
    {
        var index = Transactions.ColumnIndex(name);
        return index >= 0
            ? index
            : throw new QueryException($"Unknown column '{name}'. transactions has: {string.Join(", ", Transactions.Columns.Select(c => c.Name))}.");
    }

    private static bool InRange(object?[] row, DateOnly? from, DateOnly? to)
    {
        var date = DateOnly.ParseExact((string)row[Transactions.ColumnIndex("order_date")]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (from is null || date >= from) && (to is null || date <= to);
    }

    private static decimal ToDecimal(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    private static readonly Comparer<object?> Comparer = Comparer<object?>.Create((a, b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (bool x, bool y) => x.CompareTo(y),
        (string, _) or (_, string) => string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture)),
        _ => ToDecimal(a).CompareTo(ToDecimal(b)),
    });

    private sealed record SelectItem(string Column, string? Aggregate, string Name);

    private sealed class QueryException(string message) : Exception(message);

    [GeneratedRegex(
        @"^\s*SELECT\s+(?<select>.+?)\s+FROM\s+(?<table>\w+)(?:\s+WHERE\s+(?<where>.+?))?(?:\s+GROUP\s+BY\s+(?<group>\w+))?(?:\s+ORDER\s+BY\s+(?<order>\w+)(?:\s+(?<dir>ASC|DESC))?)?(?:\s+LIMIT\s+(?<limit>\d{1,6}))?\s*;?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(?:(?<agg>SUM|AVG|COUNT|MIN|MAX)\s*\(\s*(?<col>\*|\w+)\s*\)|(?<col>\*|\w+))(?:\s+AS\s+(?<alias>\w+))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex SelectItemPattern();

    [GeneratedRegex(@"^(?<col>\w+)\s*(?<op>=|!=|<>|<=|>=|<|>)\s*(?<val>'[^']*'|-?\d+(?:\.\d+)?|true|false)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex ConditionPattern();

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AndKeyword();
}
