namespace DataPulse.Client.Generators;

/// <summary>What the generator needs to know about one marked struct. Value equality lets the pipeline cache it.</summary>
/// <param name="Namespace">The struct's namespace, or null for the global namespace.</param>
/// <param name="Name">The struct's name.</param>
/// <param name="Example">A wire value for the constructor's documentation, or null.</param>
internal readonly record struct ExtensibleValueTarget(string? Namespace, string Name, string? Example);
