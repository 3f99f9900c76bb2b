using System.Globalization;
using Spectre.Console;

namespace DataPulse.Cli;

/// <summary>How wide the output is.</summary>
internal static class Terminal
{
    /// <summary>
    /// Spectre.Console lays out for 80 columns whenever stdout is not a terminal. When it is a pipe or a file, the
    /// <c>COLUMNS</c> environment variable sets the width instead, as it does for ls, Python and Rich.
    /// </summary>
    public static void UseColumnsVariableWhenRedirected()
    {
        if (Console.IsOutputRedirected
            && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns)
            && columns > 0)
        {
            AnsiConsole.Profile.Width = columns;
        }
    }
}
