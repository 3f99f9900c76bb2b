namespace DataPulse.Cli.Errors;

/// <summary>A failure as the caller sees it: what to print, and the exit code that goes with it.</summary>
/// <param name="Code">A stable snake_case name for scripts, for example <c>not_found</c>; several can share an exit code.</param>
/// <param name="ExitCode">One of <see cref="ExitCodes"/>.</param>
/// <param name="Message">One line for a person, in the CLI's words (no .NET type or parameter names).</param>
/// <param name="TraceId">The API's trace id to quote to support, when an answer carried one.</param>
/// <param name="IsUsageError">The command line itself was wrong: the usage is printed after the message.</param>
internal sealed record CliError(string Code, int ExitCode, string Message, string? TraceId = null, bool IsUsageError = false);
