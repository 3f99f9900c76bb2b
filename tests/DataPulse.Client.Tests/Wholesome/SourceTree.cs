using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataPulse.Client.Tests.Wholesome;

/// <summary>
/// The SDK's source, compiled with Roslyn against the assemblies it references, so that conventions about files and
/// folders (which folder uses which, where exceptions are created) are checked on what the code really refers to, not
/// on text. Generated code (Refit, System.Text.Json, logging) is absent; what it would add refers only to types already seen.
/// </summary>
internal sealed class SourceTree
{
    private static readonly Lazy<SourceTree> Sdk = new(() => Load(Path.Combine(RepositoryRoot(), "src", "DataPulse.Client")));

    private SourceTree(string root, CSharpCompilation compilation)
    {
        Root = root;
        Compilation = compilation;
    }

    public static SourceTree Client => Sdk.Value;

    public string Root { get; }

    public CSharpCompilation Compilation { get; }

    public IEnumerable<SyntaxTree> Files => Compilation.SyntaxTrees;

    /// <summary>The folder of a file, relative to the project: "" for the project's own folder, else its first folder.</summary>
    public string FolderOf(string path)
    {
        var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : relative[..slash];
    }

    public string RelativePath(SyntaxTree tree) => Path.GetRelativePath(Root, tree.FilePath).Replace('\\', '/');

    /// <summary>Every type declared in this project that <paramref name="tree"/> refers to, with the folder it is declared in.</summary>
    public IEnumerable<(INamedTypeSymbol Type, string Folder)> TypesUsedBy(SyntaxTree tree)
    {
        var model = Compilation.GetSemanticModel(tree);
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var node in tree.GetRoot().DescendantNodes(descendIntoTrivia: false))
        {
            if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax))
            {
                continue;
            }

            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (OwnerOf(symbol) is { } owner && seen.Add(owner) && DeclaredFolder(owner) is { } folder)
            {
                yield return (owner, folder);
            }
        }
    }

    private string? DeclaredFolder(INamedTypeSymbol type)
    {
        var location = type.Locations.FirstOrDefault(l => l.IsInSource && l.SourceTree?.FilePath.StartsWith(Root, StringComparison.Ordinal) == true);
        return location is null ? null : FolderOf(location.SourceTree!.FilePath);
    }

    private static INamedTypeSymbol? OwnerOf(ISymbol? symbol)
    {
        var type = symbol switch
        {
            INamedTypeSymbol named => named,
            IMethodSymbol { MethodKind: MethodKind.ReducedExtension } reduced => reduced.ReducedFrom?.ContainingType,
            null => null,
            _ => symbol.ContainingType,
        };
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        return type?.OriginalDefinition;
    }

    private static SourceTree Load(string root)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(root, path)))
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path))
            .ToList();
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
            options,
            Path.Combine(root, "obj", "ImplicitUsings.g.cs"));
        trees.Add(implicitUsings);

        // The SDK's own dependencies (Refit, Polly, Microsoft.Extensions.*) are beside the tests; the SDK itself is left out.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(path => !Path.GetFileName(path).StartsWith("DataPulse.", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
        var compilation = CSharpCompilation.Create(
            "DataPulse.Client.SourceCheck", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return new SourceTree(root, compilation);
    }

    private static bool IsBuildOutput(string relative)
    {
        var first = relative.Replace('\\', '/').Split('/')[0];
        return first is "bin" or "obj";
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DataPulse.Client.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("DataPulse.Client.sln not found above " + AppContext.BaseDirectory);
    }
}
