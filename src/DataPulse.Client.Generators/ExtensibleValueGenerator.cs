using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataPulse.Client.Generators;

/// <summary>
/// Writes everything but the known values of each <c>[ExtensibleValue]</c> struct: the constructor, <c>Value</c>,
/// case-insensitive equality, the operators, <c>ToString</c> and the JSON converter, the way the Azure SDK's extensible
/// enums are generated, so the seven value types share one definition.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExtensibleValueGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static output =>
            output.AddSource(ExtensibleValueSource.AttributeHintName, ExtensibleValueSource.Attribute));

        // Only strings go down the pipeline (never symbols or syntax), so an edit elsewhere leaves the output cached.
        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ExtensibleValueSource.AttributeMetadataName,
                static (node, _) => node is StructDeclarationSyntax,
                static (attributed, _) => ToTarget(attributed))
            .WithTrackingName(TrackingNames.Targets);

        context.RegisterSourceOutput(targets, static (output, target) =>
            output.AddSource(ExtensibleValueSource.HintName(target), ExtensibleValueSource.For(target)));
    }

    private static ExtensibleValueTarget ToTarget(GeneratorAttributeSyntaxContext attributed)
    {
        var type = attributed.TargetSymbol;
        var example = attributed.Attributes[0].NamedArguments
            .Where(static argument => argument.Key == ExtensibleValueSource.ExampleProperty)
            .Select(static argument => argument.Value.Value as string)
            .FirstOrDefault();
        var containingNamespace = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        return new ExtensibleValueTarget(containingNamespace, type.Name, example);
    }
}
