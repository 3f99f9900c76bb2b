using System.ComponentModel;
using Spectre.Console.Cli;

namespace DataPulse.Cli;

/// <summary>Options every command takes.</summary>
internal class DataPulseSettings : CommandSettings
{
    [CommandOption("--sandbox")]
    [Description("Use the in-process sandbox (the default when DATAPULSE_API_KEY is not set).")]
    public bool Sandbox { get; init; }

    [CommandOption("--json")]
    [Description("Print JSON for scripts instead of tables.")]
    public bool Json { get; init; }
}
