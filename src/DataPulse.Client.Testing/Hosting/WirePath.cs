using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DataPulse.Client.Testing.Hosting;

/// <summary>
/// Routes on the path exactly as it was sent. Kestrel decodes every escape but <c>%2F</c>, so the id <c>a/b</c> (sent
/// <c>a%2Fb</c>) and the id <c>a%2Fb</c> (sent <c>a%252Fb</c>) would both reach routing as <c>a%2Fb</c>; on the wire's
/// path each route value is decoded exactly once (<see cref="Pipeline.SandboxCall.RouteValue"/>).
/// </summary>
internal static class WirePath
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (target is ['/', ..])
        {
            var queryStart = target.IndexOf('?', StringComparison.Ordinal);
            context.Request.Path = new PathString(queryStart < 0 ? target : target[..queryStart]);
        }

        return next(context);
    }
}
