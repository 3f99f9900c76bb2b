using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DataPulse.Client.Generators;

/// <summary>What the generator needs to know about one marked struct. Value equality lets the pipeline cache it.</summary>
/// <param name="Namespace">The struct's namespace, or null for the global namespace.</param>
/// <param name="Name">The struct's name.</param>
/// <param name="Example">A wire value for the constructor's documentation, or null.</param>
/// <param name="HasJsonConverter">Whether the hand-written declaration names its JSON converter.</param>
/// <param name="Location">Where the struct's name is declared, for diagnostics.</param>
internal readonly record struct ExtensibleValueTarget(string? Namespace, string Name, string? Example, bool HasJsonConverter, SourceSpan Location);

/// <summary>A <see cref="Microsoft.CodeAnalysis.Location"/> without its syntax tree, so it can be cached and compared.</summary>
internal readonly record struct SourceSpan(string FilePath, TextSpan Span, LinePositionSpan Lines)
{
    public static SourceSpan Of(Location location) => new(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, Lines);
}
