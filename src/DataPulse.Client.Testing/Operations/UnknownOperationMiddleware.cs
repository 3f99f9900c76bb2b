using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Pipeline;
using Microsoft.AspNetCore.Http;

namespace DataPulse.Client.Testing.Operations;

/// <summary>Answers, in the contract's error shape, what routing matched to no operation: 404 for a path the sandbox
/// does not serve, 405 for a known path with another method.</summary>
internal static class UnknownOperationMiddleware
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<Operation>() is not null)
        {
            return next(context);
        }

        var call = SandboxCall.Of(context);
        var answer = endpoint is null
            ? ApiErrors.NotFound(call, "route_not_found", $"The sandbox serves no operation at {call.Method} {call.DecodedPath}.")
            : ApiErrors.Create(call, 405, "method_not_allowed", $"{call.Method} is not allowed on {call.DecodedPath}.");
        return answer.WriteAsync(context);
    }
}
