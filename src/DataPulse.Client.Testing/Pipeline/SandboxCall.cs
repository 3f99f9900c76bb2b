using System.Text.RegularExpressions;

namespace DataPulse.Client.Testing.Pipeline;

/// <summary>One request on its way through the pipeline: the request, its trace id, the matched route's values and the sandbox state.</summary>
internal sealed class SandboxCall(SandboxHttpRequest request, string traceId, SandboxState state)
{
    public SandboxHttpRequest Request { get; } = request;

    public string TraceId { get; } = traceId;

    public SandboxState State { get; } = state;

    public Match? RouteMatch { get; set; }

    /// <summary>A route value (a named group of the route's pattern), percent-decoded as one path segment.</summary>
    public string RouteValue(string name) => Uri.UnescapeDataString(RouteMatch!.Groups[name].Value);
}
