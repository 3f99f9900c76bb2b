using DataPulse.Client.Configuration;
using Microsoft.Extensions.Options;

namespace DataPulse.Client.DependencyInjection;

/// <summary>
/// Validates the options of every client registered with <c>AddDataPulse</c> through the same rules as the direct
/// constructors (<see cref="DataPulseClientOptionsValidator"/>), reporting every problem at once. Names that were not
/// registered are skipped.
/// </summary>
internal sealed class DataPulseOptionsValidation(IEnumerable<DataPulseClientRegistration> registrations) : IValidateOptions<DataPulseClientOptions>
{
    private readonly HashSet<string> _names = registrations.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, DataPulseClientOptions options)
    {
        name ??= Options.DefaultName;
        if (!_names.Contains(name))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = DataPulseClientOptionsValidator.Validate(options);
        if (problems.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var prefix = name.Length == 0 ? "DataPulse: " : $"DataPulse client '{name}': ";
        return ValidateOptionsResult.Fail(problems.Select(problem => prefix + problem));
    }
}
