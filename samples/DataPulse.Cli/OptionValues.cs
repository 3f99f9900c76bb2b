using System.Reflection;
using Spectre.Console;

namespace DataPulse.Cli;

/// <summary>
/// Option values from a closed set the SDK names (periods, verticals, formats): the known values are the type's static
/// members, read here so that the CLI accepts exactly what the SDK knows.
/// </summary>
internal static class OptionValues
{
    /// <summary>The known value spelled like <paramref name="text"/> (ignoring case), or null.</summary>
    public static T? Find<T>(string? text)
        where T : struct =>
        text is null ? null : Known<T>().Cast<T?>().FirstOrDefault(v => string.Equals(v.ToString(), text, StringComparison.OrdinalIgnoreCase));

    /// <summary>An error naming the option and the values it takes when <paramref name="text"/> is set and not one of them.</summary>
    public static ValidationResult Check<T>(string? text, string option)
        where T : struct =>
        text is null || Find<T>(text) is not null
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option} must be one of {string.Join(", ", Known<T>())}; '{text}' is not.");

    private static IEnumerable<T> Known<T>()
        where T : struct =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(T))
            .Select(p => (T)p.GetValue(null)!);
}
