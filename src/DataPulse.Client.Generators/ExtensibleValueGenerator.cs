using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataPulse.Client.Generators;

/// <summary>
/// Writes everything but the known values of each <c>[ExtensibleValue]</c> struct: the constructor, <c>Value</c>,
/// case-insensitive equality, the operators and <c>ToString</c>, the way the Azure SDK's extensible enums are
/// generated, so the SDK's value types share one definition.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExtensibleValueGenerator : IIncrementalGenerator
{
    private const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";

    private const string ExtensibleValueJsonConverter = "DataPulse.Client.Serialization.ExtensibleValueJsonConverter<T>";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static output =>
            output.AddSource(ExtensibleValueSource.AttributeHintName, ExtensibleValueSource.Attribute));

        // Only strings and spans go down the pipeline (never symbols or syntax), so an edit elsewhere leaves the output cached.
        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ExtensibleValueSource.AttributeMetadataName,
                static (node, _) => node is StructDeclarationSyntax,
                static (attributed, _) => ToTarget(attributed))
            .WithTrackingName(TrackingNames.Targets);

        context.RegisterSourceOutput(targets, static (output, target) =>
        {
            if (!target.HasJsonConverter)
            {
                output.ReportDiagnostic(Diagnostic.Create(Diagnostics.MissingJsonConverter, target.Location.ToLocation(), target.Name));
            }

            output.AddSource(ExtensibleValueSource.HintName(target), ExtensibleValueSource.For(target));
        });
    }

    private static ExtensibleValueTarget ToTarget(GeneratorAttributeSyntaxContext attributed)
    {
        var type = (INamedTypeSymbol)attributed.TargetSymbol;
        var example = attributed.Attributes[0].NamedArguments
            .Where(static argument => argument.Key == ExtensibleValueSource.ExampleProperty)
            .Select(static argument => argument.Value.Value as string)
            .FirstOrDefault();
        var containingNamespace = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var identifier = ((StructDeclarationSyntax)attributed.TargetNode).Identifier;
        return new ExtensibleValueTarget(containingNamespace, type.Name, example, HasJsonConverter(type), SourceSpan.Of(identifier.GetLocation()));
    }

    // The JSON source generator never sees what another generator adds, so the converter attribute is written by hand
    // (one line per type) and checked here rather than generated.
    private static bool HasJsonConverter(INamedTypeSymbol type) =>
        type.GetAttributes().Any(attribute =>
            attribute.AttributeClass?.ToDisplayString() == JsonConverterAttribute
            && attribute.ConstructorArguments is [{ Value: INamedTypeSymbol converter }]
            && converter.OriginalDefinition.ToDisplayString() == ExtensibleValueJsonConverter
            && SymbolEqualityComparer.Default.Equals(converter.TypeArguments[0], type));
}
