namespace DataPulse.Client;

/// <summary>400: the request was invalid; <see cref="DataPulseApiException.Param"/> names the parameter when the server said which. Not retried.</summary>
public sealed class DataPulseBadRequestException : DataPulseApiException
{
    /// <summary>Creates the exception for a 400 answer.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="error">What the API answered.</param>
    /// <param name="operation">The operation that failed, for example <c>Customers.Get</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public DataPulseBadRequestException(string message, DataPulseApiError error, string? operation = null)
        : base(message, error, operation)
    {
    }
}
