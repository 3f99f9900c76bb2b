using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DataPulse.Client.Generators.Tests;

public sealed class ExtensibleValueGeneratorTests
{
    private const string KpiPeriod = """
        using System.Text.Json.Serialization;
        using DataPulse.Client.Serialization;

        namespace Sample.Analytics;

        /// <summary>A time window.</summary>
        [JsonConverter(typeof(ExtensibleValueJsonConverter<KpiPeriod>))]
        [ExtensibleValue(Example = "1y")]
        public readonly partial struct KpiPeriod
        {
            /// <summary>Seven days.</summary>
            public static KpiPeriod SevenDays { get; } = new("7d");
        }
        """;

    private const string KpiPeriodHint = "Sample.Analytics.KpiPeriod.g.cs";

    [Fact]
    public void MarkedStruct_CompilesWithoutErrorsOrWarnings()
    {
        var (_, diagnostics, _) = GeneratorHarness.Generate(KpiPeriod);

        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
    }

    [Fact]
    public void GeneratedPublicMembers_AreAllDocumented()
    {
        var (_, diagnostics, _) = GeneratorHarness.Generate(KpiPeriod);

        diagnostics.Where(d => d.Id is "CS1591" or "CS1570" or "CS1574").Should().BeEmpty();
    }

    [Fact]
    public void MarkedStruct_GetsTheWholeExtensibleValueSurface()
    {
        var (output, _, _) = GeneratorHarness.Generate(KpiPeriod);
        var type = output.GetTypeByMetadataName("Sample.Analytics.KpiPeriod")!;

        type.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared)
            .Select(m => m.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat))
            .Should().BeEquivalentTo(
                "KpiPeriod.KpiPeriod(string)",
                "KpiPeriod.SevenDays",
                "KpiPeriod.SevenDays.get",
                "KpiPeriod.Value",
                "KpiPeriod.Value.get",
                "KpiPeriod.operator ==(KpiPeriod, KpiPeriod)",
                "KpiPeriod.operator !=(KpiPeriod, KpiPeriod)",
                "KpiPeriod.Equals(KpiPeriod)",
                "KpiPeriod.Equals(object?)",
                "KpiPeriod.GetHashCode()",
                "KpiPeriod.ToString()");
        type.AllInterfaces.Select(i => i.ToDisplayString())
            .Should().BeEquivalentTo(
                "System.IEquatable<Sample.Analytics.KpiPeriod>",
                "DataPulse.Client.Serialization.IExtensibleValue<Sample.Analytics.KpiPeriod>");
    }

    [Fact]
    public void MissingJsonConverter_IsReportedAtTheStructsName()
    {
        var source = KpiPeriod.Replace("[JsonConverter(typeof(ExtensibleValueJsonConverter<KpiPeriod>))]", string.Empty, StringComparison.Ordinal);

        var (_, diagnostics, _) = GeneratorHarness.Generate(source);

        var missing = diagnostics.Should().ContainSingle(d => d.Id == "DPGEN001").Which;
        missing.Severity.Should().Be(DiagnosticSeverity.Error);
        var name = new TextSpan(source.IndexOf("struct KpiPeriod", StringComparison.Ordinal) + "struct ".Length, "KpiPeriod".Length);
        missing.Location.GetLineSpan().Span.Should().Be(SourceText.From(source).Lines.GetLinePositionSpan(name));
    }

    [Fact]
    public void JsonConverterForAnotherType_IsReported()
    {
        var source = KpiPeriod.Replace("ExtensibleValueJsonConverter<KpiPeriod>", "ExtensibleValueJsonConverter<Other>", StringComparison.Ordinal)
            + "\n/// <summary>Another.</summary>\n[JsonConverter(typeof(ExtensibleValueJsonConverter<Other>))]\n[ExtensibleValue]\npublic readonly partial struct Other;\n";

        var (_, diagnostics, _) = GeneratorHarness.Generate(source);

        diagnostics.Where(d => d.Id == "DPGEN001").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Should().ContainSingle().Which.Should().StartWith("'KpiPeriod'");
    }

    [Fact]
    public void Example_IsShownInTheConstructorDocs()
    {
        var (_, _, run) = GeneratorHarness.Generate(KpiPeriod);

        run.Generated(KpiPeriodHint).Should().Contain("""<param name="value">The wire value, for example <c>"1y"</c>.</param>""");
    }

    [Fact]
    public void Example_WithXmlCharacters_IsEscapedInTheDocs()
    {
        var (_, diagnostics, run) = GeneratorHarness.Generate(KpiPeriod.Replace("\"1y\"", "\"<a&b>\"", StringComparison.Ordinal));

        run.Generated(KpiPeriodHint).Should().Contain("<c>\"&lt;a&amp;b&gt;\"</c>");
        diagnostics.Should().NotContain(d => d.Id == "CS1570");
    }

    [Fact]
    public void NoExample_ConstructorDocsNameOnlyTheWireValue()
    {
        var (_, diagnostics, run) = GeneratorHarness.Generate(KpiPeriod.Replace("(Example = \"1y\")", string.Empty, StringComparison.Ordinal));

        run.Generated(KpiPeriodHint).Should().Contain("""<param name="value">The wire value.</param>""");
        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
    }

    [Fact]
    public void StructInTheGlobalNamespace_CompilesWithoutErrorsOrWarnings()
    {
        var (_, diagnostics, run) = GeneratorHarness.Generate(KpiPeriod.Replace("namespace Sample.Analytics;", string.Empty, StringComparison.Ordinal));

        run.Results.Single().GeneratedSources.Select(s => s.HintName).Should().Contain("KpiPeriod.g.cs");
        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
    }

    [Fact]
    public void UnmarkedStruct_GetsOnlyTheMarkerAttribute()
    {
        var (_, _, run) = GeneratorHarness.Generate("""
            namespace Sample;

            /// <summary>Not an extensible value.</summary>
            public readonly partial struct Plain;
            """);

        run.Results.Single().GeneratedSources.Select(s => s.HintName).Should().Equal("ExtensibleValueAttribute.g.cs");
    }

    [Fact]
    public void MarkerAttribute_IsNotCompiledIntoTheAssemblysMetadata()
    {
        var (output, _, _) = GeneratorHarness.Generate(KpiPeriod);
        using var image = new MemoryStream();
        output.Emit(image).Success.Should().BeTrue();

        var reader = CSharpCompilation.Create("Reader", references: [.. output.References, MetadataReference.CreateFromImage(image.ToArray())]);
        var compiled = reader.GetTypeByMetadataName("Sample.Analytics.KpiPeriod")!;

        compiled.GetAttributes().Select(a => a.AttributeClass!.Name).Should().NotContain("ExtensibleValueAttribute");
    }

    [Fact]
    public void UnrelatedEdit_LeavesTheGeneratedOutputCached()
    {
        var compilation = GeneratorHarness.Compilation(KpiPeriod);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Sample; internal static class Unrelated { }",
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        rerun.TrackedSteps[TrackingNames.Targets].SelectMany(step => step.Outputs).Select(o => o.Reason)
            .Should().OnlyContain(reason => reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged);
        rerun.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(o => o.Reason)
            .Should().OnlyContain(reason => reason == IncrementalStepRunReason.Cached);
    }
}
