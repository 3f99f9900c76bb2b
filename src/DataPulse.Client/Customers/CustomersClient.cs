using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using DataPulse.Client.Pipeline;

namespace DataPulse.Client.Customers;

internal sealed class CustomersClient(ICustomersApi api) : ICustomersClient
{
    private static readonly string GetOperation = OperationName.For(typeof(ICustomersApi), nameof(ICustomersApi.Get));

    public async Task<CustomerProfile> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(customerId, nameof(customerId));
        // Refit escapes a route parameter as one path segment ('/' included); escaping here too would send it twice-escaped.
        var (profile, info) = await ResponseReader.ReadAsync(
            api.Get(customerId, cancellationToken), CustomersJsonContext.Default.CustomerProfile, GetOperation, cancellationToken).ConfigureAwait(false);
        return profile with { Response = info };
    }
}
