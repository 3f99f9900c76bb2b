namespace DataPulse.Client;

/// <summary>
/// Hands out the DataPulse clients registered with <c>services.AddDataPulse(name, ...)</c>, by name. Registered by every
/// <c>AddDataPulse</c> call; inject it where the name is known only at run time (one account per tenant, for example).
/// </summary>
public interface IDataPulseClientFactory
{
    /// <summary>
    /// Returns the client registered under <paramref name="name"/> (empty for the default client). The same thread-safe
    /// instance is returned on every call for a name; there is nothing to dispose.
    /// </summary>
    /// <param name="name">The name given to <c>AddDataPulse</c>; <see cref="string.Empty"/> for the default client.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No client is registered under <paramref name="name"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The client's options are invalid; the message lists every problem.</exception>
    IDataPulseClient Create(string name);
}
