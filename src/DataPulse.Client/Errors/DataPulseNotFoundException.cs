namespace DataPulse.Client;

/// <summary>404: the customer, model, report or schedule does not exist. Not retried.</summary>
public sealed class DataPulseNotFoundException : DataPulseApiException
{
    /// <summary>Creates the exception for a 404 answer.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="error">What the API answered.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public DataPulseNotFoundException(string message, DataPulseApiError error, string? operation = null)
        : base(message, error, operation)
    {
    }
}
