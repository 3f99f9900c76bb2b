using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Operations;
using DataPulse.Client.Testing.Pipeline;
using Microsoft.AspNetCore.Routing;

namespace DataPulse.Client.Testing.Resources;

/// <summary><c>GET /v1/customers/{id}</c>: by customer id or external id (one escaped path segment).</summary>
internal static class CustomersRoutes
{
    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapRead("/v1/customers/{id}", Get);

    private static SandboxResponse Get(SandboxCall call)
    {
        var id = call.RouteValue("id");
        return Data.Customers.Find(id) is { } profile
            ? SandboxJson.Ok(profile)
            : ApiErrors.NotFound(call, "customer_not_found", $"No customer has the id '{id}'.");
    }
}
