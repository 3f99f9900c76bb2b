using System.Text.RegularExpressions;
using DataPulse.Client.Testing.Pipeline;

namespace DataPulse.Client.Testing.Routing;

/// <summary>One operation of the contract: method, path pattern (matched against the still-encoded path) and handler.
/// <c>ReturnsFile</c> routes answer with a report file and are served by the file middleware; <c>IsWrite</c> routes
/// refuse the read-only key (403).</summary>
internal sealed record Route(string Method, Regex Pattern, Func<SandboxCall, SandboxResponse> Handler, bool ReturnsFile = false, bool IsWrite = false)
{
    public static Route Get(string pattern, Func<SandboxCall, SandboxResponse> handler, bool returnsFile = false) =>
        new("GET", Compile(pattern), handler, returnsFile);

    public static Route Post(string pattern, Func<SandboxCall, SandboxResponse> handler, bool returnsFile = false) =>
        new("POST", Compile(pattern), handler, returnsFile, IsWrite: true);

    public static Route Delete(string pattern, Func<SandboxCall, SandboxResponse> handler) =>
        new("DELETE", Compile(pattern), handler, IsWrite: true);

    private static Regex Compile(string pattern) =>
        new("^" + pattern + "/?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
}
