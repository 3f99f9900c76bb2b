using System.Text.Json;
using DataPulse.Client;
using Spectre.Console.Cli;

namespace DataPulse.Cli.Commands;

/// <summary>Opens a session, runs the command, and turns DataPulse failures into a message and an exit code.</summary>
internal abstract class DataPulseCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : DataPulseSettings
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = Session.Open(settings);
            await RunAsync(session.Client, settings, cancellationToken);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is DataPulseException or ArgumentException)
        {
            return ExitCodes.Report(ex);
        }
    }

    protected abstract Task RunAsync(DataPulseClient client, TSettings settings, CancellationToken cancellationToken);

    protected static void WriteJson(object value) => Console.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
