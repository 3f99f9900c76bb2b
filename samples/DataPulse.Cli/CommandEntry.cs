using Spectre.Console.Cli;

namespace DataPulse.Cli;

/// <summary>One command: its name, its settings type and how it is registered.</summary>
internal sealed class CommandEntry
{
    private readonly Action<IConfigurator> _register;

    private CommandEntry(string name, Type settingsType, Action<IConfigurator> register)
    {
        Name = name;
        SettingsType = settingsType;
        _register = register;
    }

    public string Name { get; }

    public Type SettingsType { get; }

    public static CommandEntry Create<TCommand, TSettings>(string name, string description, params string[] example)
        where TCommand : class, ICommand<TSettings>
        where TSettings : CommandSettings =>
        new(name, typeof(TSettings), config => config.AddCommand<TCommand>(name).WithDescription(description).WithExample(example));

    public void Register(IConfigurator config) => _register(config);
}
