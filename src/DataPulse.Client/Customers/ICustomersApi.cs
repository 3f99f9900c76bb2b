using DataPulse.Client.Configuration;
using DataPulse.Client.Pipeline;
using Refit;

namespace DataPulse.Client.Customers;

/// <summary>
/// The customer endpoints: the shape of each request, built by Refit's generated code. The SDK reads every answer; each
/// request carries the call's own options, if any, to the call path (<see cref="CallHandler.RequestOptionsOption"/>).
/// </summary>
internal interface ICustomersApi
{
    [Get("/v1/customers/{id}")]
    Task<HttpResponseMessage> Get(string id, [Property(CallHandler.RequestOptionsOption)] CallOptions? requestOptions, CancellationToken cancellationToken);
}
