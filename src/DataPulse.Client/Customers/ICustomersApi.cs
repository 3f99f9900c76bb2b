using DataPulse.Client.Configuration;
using DataPulse.Client.Pipeline;
using Refit;

namespace DataPulse.Client.Customers;

/// <summary>
/// The customer endpoints: the shape of each request, built by Refit's generated code. The SDK reads every answer. Each
/// operation comes twice: with the call's own options and without (<see cref="CallHandler.RequestOptionsOption"/>).
/// </summary>
internal interface ICustomersApi
{
    [Get("/v1/customers/{id}")]
    Task<HttpResponseMessage> Get(string id, CancellationToken cancellationToken);

    [Get("/v1/customers/{id}")]
    Task<HttpResponseMessage> Get(string id, [Property(CallHandler.RequestOptionsOption)] CallOptions requestOptions, CancellationToken cancellationToken);
}
