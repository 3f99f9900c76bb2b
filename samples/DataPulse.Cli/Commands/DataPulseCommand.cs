using System.Text.Json;
using DataPulse.Client;
using Spectre.Console.Cli;

namespace DataPulse.Cli.Commands;

/// <summary>
/// Opens a session and runs the command. Failures are left to propagate: <see cref="DataPulseCli"/> turns every one
/// into a message and an exit code in one place.
/// </summary>
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
        await using var session = Session.Open(settings);
        await RunAsync(session.Client, settings, cancellationToken);
        return ExitCodes.Ok;
    }

    protected abstract Task RunAsync(DataPulseClient client, TSettings settings, CancellationToken cancellationToken);

    protected static void WriteJson(object value) => Console.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
