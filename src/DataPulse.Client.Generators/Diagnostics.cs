using Microsoft.CodeAnalysis;

namespace DataPulse.Client.Generators;

/// <summary>What the generator reports. Every id is listed in AnalyzerReleases.*.md.</summary>
internal static class Diagnostics
{
    public static readonly DiagnosticDescriptor MissingJsonConverter = new(
        id: "DPGEN001",
        title: "An extensible value type names its JSON converter by hand",
        messageFormat: "'{0}' needs [JsonConverter(typeof(ExtensibleValueJsonConverter<{0}>))] on its own declaration: the JSON source generator does not see attributes another generator adds, so without it the SDK's JSON context cannot read the type",
        category: "DataPulse.Generators",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
