using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataPulse.Client.Tests.Wholesome;

/// <summary>Conventions about where things are written in <c>src/DataPulse.Client</c>, read from the compiled source.</summary>
public sealed class SourceConventionsTests
{
    private const string Factory = "Errors/DataPulseExceptionFactory.cs";

    [Fact]
    public void DataPulseExceptions_AreCreatedOnlyInTheFactory()
    {
        var tree = SourceTree.Client;
        var exceptionBase = tree.Compilation.GetTypeByMetadataName("DataPulse.Client.DataPulseException")!;
        var creations = new List<string>();
        var inFactory = 0;
        foreach (var file in tree.Files)
        {
            var model = tree.Compilation.GetSemanticModel(file);
            foreach (var creation in file.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (model.GetTypeInfo(creation).Type is INamedTypeSymbol created && DerivesFrom(created, exceptionBase))
                {
                    if (tree.RelativePath(file) == Factory)
                    {
                        inFactory++;
                    }
                    else
                    {
                        creations.Add($"{tree.RelativePath(file)}:{creation.GetLocation().GetLineSpan().StartLinePosition.Line + 1} creates {created.Name}");
                    }
                }
            }
        }

        creations.Should().BeEmpty("every DataPulseException is created in " + Factory);
        inFactory.Should().BeGreaterThan(10, "the check must have found the factory's own creations");
    }

    [Fact]
    public void DataPulseExceptions_AreNotCreatedByTextAnywhereElse()
    {
        // The issue's own wording of the rule, as text, so that even code the compilation cannot bind is held to it.
        var tree = SourceTree.Client;
        tree.Files
            .Where(file => tree.RelativePath(file) != Factory)
            .Where(file => System.Text.RegularExpressions.Regex.IsMatch(file.ToString(), @"new\s+DataPulse\w*Exception\s*\("))
            .Select(tree.RelativePath)
            .Should().BeEmpty();
    }

    /// <summary>
    /// Namespace = folder for everything internal. The one documented exception: a public type lives in the namespace its
    /// callers reach it by, which is its folder's or the root <c>DataPulse.Client</c> (the facade, options, exceptions and
    /// the response facts every result carries), and <c>Microsoft.Extensions.DependencyInjection</c> for the DI extensions.
    /// </summary>
    [Fact]
    public void Namespaces_FollowFolders()
    {
        var tree = SourceTree.Client;
        var problems = new List<string>();
        var checkedTypes = 0;
        foreach (var file in tree.Files.Where(f => !tree.RelativePath(f).StartsWith("obj/", StringComparison.Ordinal)))
        {
            var folder = tree.FolderOf(file.FilePath);
            var expected = folder.Length == 0 ? "DataPulse.Client" : "DataPulse.Client." + folder;
            var model = tree.Compilation.GetSemanticModel(file);
            foreach (var declaration in file.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(d => d.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
            {
                var type = model.GetDeclaredSymbol(declaration)!;
                checkedTypes++;
                var ns = type.ContainingNamespace.ToDisplayString();
                var allowed = ns == expected
                    || (type.DeclaredAccessibility == Accessibility.Public
                        && (ns == "DataPulse.Client" || (folder == "DependencyInjection" && ns == "Microsoft.Extensions.DependencyInjection")));
                if (!allowed)
                {
                    problems.Add($"{tree.RelativePath(file)}: {type.DeclaredAccessibility} {type.Name} is in {ns}, expected {expected}");
                }
            }
        }

        problems.Should().BeEmpty();
        checkedTypes.Should().BeGreaterThan(100, "the check must have looked at every file's types");
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
