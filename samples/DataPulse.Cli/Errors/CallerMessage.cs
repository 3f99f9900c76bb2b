namespace DataPulse.Cli.Errors;

/// <summary>Exception messages in the caller's words.</summary>
internal static class CallerMessage
{
    /// <summary>
    /// The message of an <see cref="ArgumentException"/> without the " (Parameter 'request')" that .NET appends for the
    /// parameter name: the caller typed options, not a method's parameters.
    /// </summary>
    public static string Of(ArgumentException exception)
    {
        var message = exception.Message;
        if (string.IsNullOrEmpty(exception.ParamName))
        {
            return message;
        }

        // The decoration is built the way the runtime builds it (and in its language), not spelled out here.
        var suffix = new ArgumentException(string.Empty, exception.ParamName).Message;
        var at = message.LastIndexOf(suffix, StringComparison.Ordinal);
        // ArgumentOutOfRangeException writes "Actual value was …" after the decoration; the message already says it.
        return at > 0 ? message[..at].TrimEnd() : message;
    }
}
