namespace DataPulse.Cli.Errors;

/// <summary>
/// The output cannot be written where the caller asked (exit code <see cref="ExitCodes.OutputError"/>); the message
/// names the path and the reason.
/// </summary>
internal sealed class OutputException : Exception
{
    public OutputException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
