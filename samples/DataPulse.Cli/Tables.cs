using Spectre.Console;
using Spectre.Console.Rendering;

namespace DataPulse.Cli;

/// <summary>Table helpers shared by the commands.</summary>
internal static class Tables
{
    /// <summary>A column for numbers: right-aligned, and never wrapped inside a value such as "4.2 %".</summary>
    public static TableColumn NumberColumn(string header) => new TableColumn(header).RightAligned().NoWrap();

    /// <summary>
    /// Writes the table with a caption under it. Spectre.Console wraps a caption at the table's own width, which can
    /// split a value ("2025-01-15 | 08:30:00Z"); the table is widened to the caption instead, as far as the console allows.
    /// </summary>
    public static void WriteWithCaption(Table table, string caption)
    {
        table.Caption(Markup.Escape(caption));
        var console = AnsiConsole.Console;
        var natural = ((IRenderable)table).Measure(RenderOptions.Create(console), console.Profile.Width).Max;
        if (natural < caption.Length)
        {
            table.Width = Math.Min(caption.Length, console.Profile.Width);
        }

        console.Write(table);
    }
}
