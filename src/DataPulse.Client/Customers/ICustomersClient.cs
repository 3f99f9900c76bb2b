namespace DataPulse.Client.Customers;

/// <summary>Customer profiles. Reach it through <see cref="IDataPulseClient.Customers"/>.</summary>
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
}
