using DataPulse.Client.Testing.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPulse.Client.Testing.Operations;

/// <summary>Maps an operation's handler onto a route. Handlers take the request's <see cref="SandboxCall"/> and return
/// the answer; one writer puts every answer on the wire.</summary>
internal static class OperationEndpoints
{
    public static void MapRead(this IEndpointRouteBuilder endpoints, string pattern, Func<SandboxCall, SandboxResponse> handler) =>
        endpoints.Map(HttpMethods.Get, pattern, handler, isWrite: false);

    public static void MapWrite(this IEndpointRouteBuilder endpoints, string method, string pattern, Func<SandboxCall, SandboxResponse> handler) =>
        endpoints.Map(method, pattern, handler, isWrite: true);

    private static void Map(this IEndpointRouteBuilder endpoints, string method, string pattern, Func<SandboxCall, SandboxResponse> handler, bool isWrite) =>
        endpoints.MapMethods(pattern, [method], context => handler(SandboxCall.Of(context)).WriteAsync(context))
            .WithMetadata(new Operation(isWrite));
}
