// datapulse: a terminal client for DataPulse Analytics, built on DataPulse.Client and Spectre.Console.
// Without DATAPULSE_API_KEY (or with --sandbox) every command runs against the in-process sandbox.
using DataPulse.Cli;

using var cancellation = new CancellationTokenSource();
// The first Ctrl+C cancels the running call (exit code 130, a partial report file removed) rather than killing the
// process mid-write; a second one ends the process at once.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
return await DataPulseCli.RunAsync(args, cancellation.Token);
