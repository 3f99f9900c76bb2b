using System.Reflection;
using System.Text;
using Spectre.Console.Cli;

namespace DataPulse.Cli;

/// <summary>
/// The usage line printed after a mistaken command line, built from the settings' own attributes so that it never
/// disagrees with what the parser accepts.
/// </summary>
internal static class Usage
{
    /// <summary>For example <c>datapulse kpi [-p|--period &lt;PERIOD&gt;] [--sandbox] [--json]</c>; without a command, the commands.</summary>
    public static string Line(CommandEntry? command)
    {
        if (command is null)
        {
            return $"{Application.Name} <COMMAND> [OPTIONS], where COMMAND is one of {string.Join(", ", CommandCatalog.All.Select(c => c.Name))}";
        }

        var line = new StringBuilder($"{Application.Name} {command.Name}");
        var properties = command.SettingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var (property, argument) in properties
            .Select(p => (Property: p, Argument: p.GetCustomAttribute<CommandArgumentAttribute>()))
            .Where(p => p.Argument is not null)
            .OrderBy(p => p.Argument!.Position))
        {
            line.Append(argument!.IsRequired ? $" <{argument.ValueName}>" : $" [{argument.ValueName}]");
            line.Append(property.PropertyType.IsArray ? "..." : string.Empty);
        }

        // Options of the command first, then the ones every command takes.
        foreach (var (property, option) in properties
            .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(p => p.Option is { IsHidden: false })
            .OrderBy(p => p.Property.DeclaringType == typeof(DataPulseSettings)))
        {
            var names = string.Join('|', option!.ShortNames.Select(n => $"-{n}").Concat(option.LongNames.Select(n => $"--{n}")));
            var value = option.ValueName is { } valueName ? $" <{valueName}>" : string.Empty;
            line.Append($" [{names}{value}]{(property.PropertyType.IsArray ? "..." : string.Empty)}");
        }

        return line.ToString();
    }

    /// <summary>Where to read more, for example <c>Run 'datapulse kpi --help' for details.</c></summary>
    public static string HelpHint(CommandEntry? command) =>
        command is null ? $"Run '{Application.Name} --help' for details." : $"Run '{Application.Name} {command.Name} --help' for details.";
}
