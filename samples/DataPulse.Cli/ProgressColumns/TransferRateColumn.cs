using Spectre.Console;
using Spectre.Console.Rendering;

namespace DataPulse.Cli.ProgressColumns;

/// <summary>The download rate, formatted like every other number the CLI prints; empty once the download is done.</summary>
internal sealed class TransferRateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        task.IsFinished || task.Speed is not { } speed ? Text.Empty : new Text(Numbers.Rate(speed));
}
