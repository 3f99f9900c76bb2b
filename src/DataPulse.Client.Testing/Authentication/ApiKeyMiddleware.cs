using DataPulse.Client.Testing.Operations;
using DataPulse.Client.Testing.Pipeline;
using Microsoft.AspNetCore.Http;

namespace DataPulse.Client.Testing.Authentication;

/// <summary>Refuses a request whose key is missing or unknown (401), or a write with the read-only key (403). Runs after
/// routing, so it knows whether the operation writes; for no operation, the method decides.</summary>
internal static class ApiKeyMiddleware
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var isWrite = context.GetEndpoint()?.Metadata.GetMetadata<Operation>()?.IsWrite
            ?? !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
        return ApiKeyCheck.Reject(SandboxCall.Of(context), isWrite) is { } rejected ? rejected.WriteAsync(context) : next(context);
    }
}
