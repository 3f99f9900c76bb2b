namespace DataPulse.Client;

/// <summary>403: the API key is valid but lacks the permission for this call. Not retried.</summary>
public sealed class DataPulsePermissionDeniedException : DataPulseApiException
{
    /// <summary>Creates the exception for a 403 answer.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="error">What the API answered.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public DataPulsePermissionDeniedException(string message, DataPulseApiError error, string? operation = null)
        : base(message, error, operation)
    {
    }
}
