namespace DataPulse.Client;

/// <summary>
/// The base of every exception the DataPulse client throws for a failed call: an error answer from the API
/// (<see cref="DataPulseApiException"/> and its subtypes), no answer at all (<see cref="DataPulseConnectionException"/>,
/// <see cref="DataPulseTimeoutException"/>), or an answer the client could not read. Its message never contains the API key.
/// </summary>
/// <remarks>The caller's own cancellation is never wrapped: it stays an <see cref="OperationCanceledException"/>.</remarks>
public class DataPulseException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    public DataPulseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="innerException">The cause.</param>
    public DataPulseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a named operation.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DataPulseException(string message, string? operation, Exception? innerException)
        : base(message, innerException)
    {
        Operation = operation;
    }

    /// <summary>The operation that failed, for example <c>Customers.Get</c>, when known.</summary>
    public string? Operation { get; }

    /// <summary>
    /// Why the client itself ended the call early, when it did: a retry the retry budget refused, or a request the
    /// server's rate-limit window held back. <see cref="DataPulseClientReason.None"/> when the server's answer (or the lack
    /// of one) decided alone.
    /// </summary>
    public DataPulseClientReason ClientReason { get; internal init; }
}
