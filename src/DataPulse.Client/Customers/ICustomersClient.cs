namespace DataPulse.Client.Customers;

/// <summary>
/// Customer profiles. Reach it through <see cref="IDataPulseClient.Customers"/>. Every operation has an overload that takes
/// <see cref="DataPulseRequestOptions"/> for that call alone (a deadline, retries, headers).
/// </summary>
public interface ICustomersClient
{
    /// <summary>Gets a customer's profile (<c>GET /v1/customers/{id}</c>).</summary>
    /// <param name="customerId">A DataPulse customer id (<c>cust_92f8a3b1</c>) or your own external id, which may hold any
    /// characters (<c>crm:42/a b</c>): it is escaped as one path segment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty or white space, or is <c>.</c> or <c>..</c> (which no URI can carry as a path segment); nothing is sent.</exception>
    /// <exception cref="DataPulseNotFoundException">No customer has that id.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    Task<CustomerProfile> GetAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Gets a customer's profile (<c>GET /v1/customers/{id}</c>) with settings for this call alone.</summary>
    /// <param name="customerId">A DataPulse customer id (<c>cust_92f8a3b1</c>) or your own external id, escaped as one path segment.</param>
    /// <param name="requestOptions">This call's deadline, retries and extra headers; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty, white space, <c>.</c> or <c>..</c>, or
    /// <paramref name="requestOptions"/> is invalid (the message names every problem); nothing is sent.</exception>
    /// <exception cref="DataPulseNotFoundException">No customer has that id.</exception>
    /// <exception cref="DataPulseException">The call failed; see the README's exception table for the subtypes.</exception>
    /// <remarks>The default implementation, for implementations written before this overload (a fake, say), calls the
    /// overload without <paramref name="requestOptions"/>: only the SDK's own client acts on them.</remarks>
    Task<CustomerProfile> GetAsync(string customerId, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        GetAsync(customerId, cancellationToken);
}
