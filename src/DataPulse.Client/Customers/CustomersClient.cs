using DataPulse.Client.Configuration;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;
using DataPulse.Client.Pipeline;

namespace DataPulse.Client.Customers;

internal sealed class CustomersClient(ICustomersApi api) : ICustomersClient
{
    private static readonly string GetOperation = OperationName.For(typeof(ICustomersApi), nameof(ICustomersApi.Get));

    public Task<CustomerProfile> GetAsync(string customerId, CancellationToken cancellationToken = default) =>
        GetAsync(customerId, null, cancellationToken);

    public async Task<CustomerProfile> GetAsync(string customerId, DataPulseRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        PathSegment.ThrowIfInvalid(customerId, nameof(customerId));
        var options = CallOptions.From(requestOptions, sendsPost: false);
        // Refit escapes a route parameter as one path segment ('/' included); escaping here too would send it twice-escaped.
        using var response = await ResponseReader.Receive(
            options is null ? api.Get(customerId, cancellationToken) : api.Get(customerId, options, cancellationToken), GetOperation, cancellationToken);
        return ResponseReader.Read(response, CustomersJsonContext.Default.CustomerProfile, GetOperation);
    }
}
