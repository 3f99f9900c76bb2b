using DataPulse.Client.Internal;

namespace DataPulse.Client.Customers;

internal sealed class CustomersClient(ICustomersApi api) : ICustomersClient
{
    public async Task<CustomerProfile> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(customerId, nameof(customerId));
        // Refit escapes a route parameter as one path segment ('/' included); escaping here too would send it twice-escaped.
        var (profile, info) = await ApiCall.SendAsync(
            api, "Customers.Get", (a, ct) => a.Get(customerId, ct), cancellationToken).ConfigureAwait(false);
        return profile with { Response = info };
    }
}
