namespace DataPulse.Client;

/// <summary>401: the API key is missing, invalid or revoked. Not retried.</summary>
public sealed class DataPulseAuthenticationException : DataPulseApiException
{
    /// <summary>Creates the exception for a 401 answer.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="error">What the API answered.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public DataPulseAuthenticationException(string message, DataPulseApiError error, string? operation = null)
        : base(message, error, operation)
    {
    }
}
