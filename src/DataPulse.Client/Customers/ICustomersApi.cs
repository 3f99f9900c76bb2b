using Refit;

namespace DataPulse.Client.Customers;

/// <summary>The customer endpoints, as Refit's generated code calls them.</summary>
internal interface ICustomersApi
{
    [Get("/v1/customers/{id}")]
    Task<IApiResponse<CustomerProfile>> Get(string id, CancellationToken cancellationToken);
}
