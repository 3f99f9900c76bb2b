using Refit;

namespace DataPulse.Client.Customers;

/// <summary>The customer endpoints: the shape of each request, built by Refit's generated code. The SDK reads every answer.</summary>
internal interface ICustomersApi
{
    [Get("/v1/customers/{id}")]
    Task<HttpResponseMessage> Get(string id, CancellationToken cancellationToken);
}
