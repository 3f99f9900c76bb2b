using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataPulse.Client.Generators.Tests;

/// <summary>Runs <see cref="ExtensibleValueGenerator"/> on source text, the way the compiler does during a build.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    // The library compiles with implicit usings; its real files need them here too.
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.Linq;";

    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    /// <summary>A compilation of <paramref name="sources"/> plus the SDK's converter and interface, as a library with XML docs.</summary>
    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Sample",
            sources.Concat([ImplicitUsings, Resource("ExtensibleValueJsonConverter.cs"), Resource("IExtensibleValue.cs")])
                .Select(source => CSharpSyntaxTree.ParseText(source, Parse)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new ExtensibleValueGenerator().AsSourceGenerator()],
            parseOptions: Parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the compilation with its output and every diagnostic of the result.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run) Generate(params string[] sources)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out var generatorDiagnostics);
        return (output, generatorDiagnostics.AddRange(output.GetDiagnostics()), driver.GetRunResult());
    }

    /// <summary>The text of the file generated for <paramref name="hintName"/>.</summary>
    public static string Generated(this GeneratorDriverRunResult run, string hintName) =>
        run.Results.Single().GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
