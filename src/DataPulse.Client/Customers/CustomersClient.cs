using DataPulse.Client.Internal;

namespace DataPulse.Client.Customers;

internal sealed class CustomersClient(ICustomersApi api) : ICustomersClient
{
    public async Task<CustomerProfile> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var segment = Uri.EscapeDataString(customerId);
        var (profile, info) = await ApiCall.SendAsync(
            api, "Customers.Get", (a, ct) => a.Get(segment, ct), cancellationToken).ConfigureAwait(false);
        return profile with { Response = info };
    }
}
