using System.Reflection;

namespace DataPulse.Cli;

/// <summary>The tool's name and version, as <c>datapulse --version</c> and the usage lines print them.</summary>
internal static class Application
{
    public const string Name = "datapulse";

    /// <summary>
    /// The informational version without the "+commit" that SourceLink appends, for example <c>0.2.0-preview.1</c>:
    /// the version a user installed, not the build's provenance.
    /// </summary>
    public static string Version { get; } = typeof(Application).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
