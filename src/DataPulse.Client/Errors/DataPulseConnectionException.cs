namespace DataPulse.Client;

/// <summary>
/// No answer arrived: the host could not be resolved or reached, the connection was refused or reset, or a download
/// ended before its body was complete. Retried for calls that are safe to repeat before this is thrown.
/// </summary>
public sealed class DataPulseConnectionException : DataPulseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <param name="innerException">The transport failure.</param>
    public DataPulseConnectionException(string message, string? operation = null, Exception? innerException = null)
        : base(message, operation, innerException)
    {
    }
}
