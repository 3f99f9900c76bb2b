using Spectre.Console;
using Spectre.Console.Rendering;

namespace DataPulse.Cli;

/// <summary>Table helpers shared by the commands.</summary>
internal static class Tables
{
    /// <summary>A column for numbers: right-aligned, never wrapped inside a value such as "4.2 %", never cut to fit.</summary>
    public static TableColumn NumberColumn(string header) => new TableColumn(header).RightAligned().NoWrap();

    /// <summary>A column of single values (ids, dates, flags) that never wraps: a value too long is cut with an ellipsis.</summary>
    public static TableColumn ValueColumn(string header) => new TableColumn(header).NoWrap();

    /// <summary>
    /// Writes the table fitted to the console (see <see cref="ColumnFitter"/>), with an optional caption under it.
    /// Spectre.Console wraps a caption at the table's own width, which can split a value ("2025-01-15 | 08:30:00Z");
    /// the table is widened to the caption instead, as far as the console allows.
    /// </summary>
    public static void Write(Table table, string? caption = null)
    {
        var console = AnsiConsole.Console;
        ColumnFitter.Fit(table, console);
        if (caption is not null)
        {
            table.Caption(Markup.Escape(caption));
            var natural = ((IRenderable)table).Measure(RenderOptions.Create(console), console.Profile.Width).Max;
            if (natural < caption.Length)
            {
                table.Width = Math.Min(caption.Length, console.Profile.Width);
            }
        }

        console.Write(table);
    }
}
