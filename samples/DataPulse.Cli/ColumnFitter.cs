using Spectre.Console;
using Spectre.Console.Rendering;

namespace DataPulse.Cli;

/// <summary>
/// Fits a table to the console without ever folding a word (an id such as <c>cust_92f8a3b1</c>) across lines.
/// </summary>
/// <remarks>
/// Spectre.Console narrows the widest columns first and then folds any cell longer than its column, which splits ids
/// mid-string. Here a table that does not fit gives up width in three steps, each taking from the widest columns
/// first: text wraps at spaces (headers stay whole); then headers are shortened with an ellipsis; only then are
/// values other than numbers shortened, also with a visible ellipsis. Every cell is set to end in an ellipsis rather
/// than fold.
/// </remarks>
internal static class ColumnFitter
{
    /// <summary>The narrowest a column gets: one character and the ellipsis.</summary>
    private const int NarrowestColumn = 2;

    public static void Fit(Table table, IAnsiConsole console)
    {
        var options = RenderOptions.Create(console);
        var available = console.Profile.Width - NonContentWidth(table);
        var columns = table.Columns.Select((column, index) => Measure(table, column, index, options, available)).ToList();

        foreach (var cell in table.Rows.SelectMany(row => row))
        {
            if (cell is IOverflowable overflowable)
            {
                overflowable.Overflow ??= Overflow.Ellipsis;
            }
        }

        var widths = columns.Select(c => c.Natural).ToArray();
        if (widths.Sum() <= available)
        {
            return;
        }

        Shrink(widths, columns.Select(c => Math.Max(c.Words, c.Header)).ToArray(), available);
        Shrink(widths, columns.Select(c => c.Words).ToArray(), available);
        // Numbers (right-aligned columns) are never cut: "27,930…" would read as another number.
        Shrink(widths, columns.Select((c, i) => table.Columns[i].Alignment == Justify.Right ? c.Words : Math.Min(c.Words, NarrowestColumn)).ToArray(), available);
        for (var i = 0; i < widths.Length; i++)
        {
            table.Columns[i].Width = widths[i];
        }
    }

    /// <summary>Takes width from the widest columns still above their floor, one character at a time, until the table fits.</summary>
    private static void Shrink(int[] widths, int[] floors, int available)
    {
        while (widths.Sum() > available)
        {
            var widest = -1;
            for (var i = 0; i < widths.Length; i++)
            {
                if (widths[i] > floors[i] && (widest < 0 || widths[i] > widths[widest]))
                {
                    widest = i;
                }
            }

            if (widest < 0)
            {
                return;
            }

            widths[widest]--;
        }
    }

    /// <summary>
    /// A column's natural width (its widest header or cell), the width that keeps its header whole, and the width
    /// that keeps every word whole (every whole cell in a no-wrap column).
    /// </summary>
    private static (int Natural, int Header, int Words) Measure(Table table, TableColumn column, int index, RenderOptions options, int available)
    {
        var header = column.Header.Measure(options, available).Max;
        var cells = table.Rows.Select(row => row[index].Measure(options, available)).ToList();
        var natural = Math.Max(header, cells.Select(c => c.Max).DefaultIfEmpty(0).Max());
        var words = cells.Select(c => column.NoWrap ? c.Max : c.Min).DefaultIfEmpty(1).Max();
        return (natural, header, Math.Max(words, 1));
    }

    /// <summary>Borders and padding, counted as Spectre.Console counts them.</summary>
    private static int NonContentWidth(Table table)
    {
        var border = table.Border.Visible;
        var padded = table.Border.UsePadding;
        var padding = padded ? table.Columns.Sum(c => c.Padding?.GetWidth() ?? 0) : 0;
        return (border ? table.Columns.Count - 1 : 0) + (border && padded ? 2 : 0) + padding;
    }
}
