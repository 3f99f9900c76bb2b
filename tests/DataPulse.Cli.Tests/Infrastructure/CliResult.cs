namespace DataPulse.Cli.Tests.Infrastructure;

/// <summary>What a run of the tool left behind.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>The lines on stderr, without the sandbox notice every sandbox run starts with.</summary>
    public IReadOnlyList<string> ErrorLines => StdErr
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => !line.StartsWith("Using the local sandbox", StringComparison.Ordinal) && !line.StartsWith("{\"notice\"", StringComparison.Ordinal))
        .ToList();

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}
