using DataPulse.Cli.Errors;
using Spectre.Console.Cli;

namespace DataPulse.Cli;

/// <summary>The <c>datapulse</c> command line: parses strictly, runs a command, and reports any failure once.</summary>
internal static class DataPulseCli
{
    /// <summary>Runs the command line and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        Terminal.UseColumnsVariableWhenRedirected();
        var app = new CommandApp();
        app.Configure(Configure);
        try
        {
            return await app.RunAsync(args, cancellationToken);
        }
        catch (Exception ex)
        {
            var error = CliErrors.From(ex);
            StandardError.WriteError(error, args);
            return error.ExitCode;
        }
    }

    private static void Configure(IConfigurator config)
    {
        config.SetApplicationName(Application.Name);
        // `datapulse --version` (and -v) prints this and exits 0.
        config.SetApplicationVersion(Application.Version);
        // An unknown option or a stray argument is an error, not silently ignored (`--vertcal saas` ran for all verticals).
        config.Settings.StrictParsing = true;
        // Every failure, parsing included, comes back here to be reported in one format with a documented exit code;
        // Spectre's own handler prints multi-line text and exits -1 (255).
        config.PropagateExceptions();
        foreach (var command in CommandCatalog.All)
        {
            command.Register(config);
        }
    }
}
