using System.Diagnostics;

namespace DataPulse.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built tool, <c>dotnet datapulse.dll …</c>, as a child process: what a user or a script sees (exit code,
/// stdout, stderr) with nothing shared with the test process. DATAPULSE_API_KEY and DATAPULSE_BASE_URL are removed,
/// so every command that calls the API runs against the tool's own in-process sandbox.
/// </summary>
public static class CliProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "datapulse.dll");

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, workingDirectory: null);

    /// <param name="args">The command line after <c>datapulse</c>.</param>
    /// <param name="workingDirectory">Where it runs (an export saves there by default); the test output folder if null.</param>
    /// <param name="columns">The output width (COLUMNS); unset, the tool lays out for 80 columns as for any pipe.</param>
    public static async Task<CliResult> RunAsync(string[] args, string? workingDirectory, int? columns = null)
    {
        // The host that runs the tests (the dotnet CLI sets DOTNET_HOST_PATH for its children), else the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DATAPULSE_API_KEY");
        start.Environment.Remove("DATAPULSE_BASE_URL");
        start.Environment.Remove("COLUMNS");
        start.Environment["NO_COLOR"] = "1";
        if (columns is { } width)
        {
            start.Environment["COLUMNS"] = width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Real time on purpose: a child process cannot run on a fake clock. Generous, for a loaded 2-core machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120), TimeProvider.System);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"datapulse {string.Join(' ', args)} did not exit within 120 s.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
