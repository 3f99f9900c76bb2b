namespace DataPulse.Client;

/// <summary>A call ran out of time; <see cref="Kind"/> says which limit fired and <see cref="Timeout"/> how long it was.</summary>
public sealed class DataPulseTimeoutException : DataPulseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="kind">Which limit fired.</param>
    /// <param name="timeout">The limit, when known.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <param name="innerException">The cause.</param>
    public DataPulseTimeoutException(string message, DataPulseTimeoutKind kind, TimeSpan? timeout, string? operation = null, Exception? innerException = null)
        : base(message, operation, innerException)
    {
        Kind = kind;
        Timeout = timeout;
    }

    /// <summary>Which limit fired.</summary>
    public DataPulseTimeoutKind Kind { get; }

    /// <summary>The limit that fired, when known.</summary>
    public TimeSpan? Timeout { get; }
}
