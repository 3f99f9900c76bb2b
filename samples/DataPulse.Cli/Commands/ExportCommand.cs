using System.ComponentModel;
using DataPulse.Cli.ProgressColumns;
using DataPulse.Client;
using DataPulse.Client.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DataPulse.Cli.Commands;

internal sealed class ExportCommand : DataPulseCommand<ExportCommand.Settings>
{
    internal sealed class Settings : DataPulseSettings
    {
        [CommandOption("-t|--template <ID>")]
        [Description("A report template id, for example tmpl_q3_performance.")]
        public string? Template { get; init; }

        [CommandOption("-q|--query <SQL>")]
        [Description("Export a query's result instead of a template.")]
        public string? Query { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("csv, pdf or xlsx (default csv).")]
        public string Format { get; init; } = "csv";

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Folder to save into, created if missing (default: the current folder).")]
        public string Out { get; init; } = ".";

        public override ValidationResult Validate() =>
            (Template is null) == (Query is null)
                ? ValidationResult.Error("Pass exactly one of --template and --query.")
                : OptionValues.Check<ReportFormat>(Format, "--format");
    }

    protected override async Task RunAsync(DataPulseClient client, Settings settings, CancellationToken cancellationToken)
    {
        // Before the export: a folder that cannot be created fails at once, not after the report is generated.
        var folder = OutputFolder.Ensure(settings.Out);
        await using var report = await client.Reports.ExportAsync(
            new ReportExportRequest { TemplateId = settings.Template, Query = settings.Query, Format = OptionValues.Find<ReportFormat>(settings.Format)!.Value },
            cancellationToken);
        var path = Path.Combine(folder, report.FileName);
        long bytes;
        if (settings.Json)
        {
            bytes = await report.SaveToFileAsync(path, cancellationToken: cancellationToken);
            WriteJson(new { File = path, report.ContentType, Bytes = bytes });
            return;
        }

        bytes = await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ByteCountColumn(), new TransferRateColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(report.FileName), maxValue: report.Length ?? 1);
                var progress = new Progress<DownloadProgress>(p =>
                {
                    task.MaxValue = p.TotalBytes ?? Math.Max(task.MaxValue, p.BytesReceived);
                    task.Value = p.BytesReceived;
                });
                var written = await report.SaveToFileAsync(path, progress, cancellationToken);
                task.MaxValue = written;
                task.Value = written;
                return written;
            });
        // Plain Console: Spectre would wrap the line at the console width and break the path where a person copies it.
        Console.WriteLine($"Saved {path} ({report.ContentType}, {Numbers.Bytes(bytes)})");
    }
}
