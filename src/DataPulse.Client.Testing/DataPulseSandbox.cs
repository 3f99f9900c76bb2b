namespace DataPulse.Client.Testing;

/// <summary>Placeholder; the sandbox is being built.</summary>
public sealed class DataPulseSandbox
{
}
