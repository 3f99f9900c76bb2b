using Spectre.Console;
using Spectre.Console.Rendering;

namespace DataPulse.Cli.ProgressColumns;

/// <summary>
/// Bytes received, in the same words as the line printed after the download (<c>1,012 bytes</c>); Spectre's own
/// column scales to KiB and drops the separators.
/// </summary>
internal sealed class ByteCountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        task.IsFinished
            ? new Markup($"[green]{Numbers.Bytes((long)task.MaxValue)}[/]")
            : new Text($"{Numbers.Count((long)task.Value)} of {Numbers.Bytes((long)task.MaxValue)}");
}
