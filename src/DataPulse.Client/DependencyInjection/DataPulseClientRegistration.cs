namespace DataPulse.Client.DependencyInjection;

/// <summary>Marks a client name as registered by <c>AddDataPulse</c>, with the name of its <see cref="HttpClient"/>.</summary>
internal sealed record DataPulseClientRegistration(string Name, string HttpClientName)
{
    public const string DefaultHttpClientName = "DataPulse";

    public static string HttpClientNameFor(string name) => name.Length == 0 ? DefaultHttpClientName : DefaultHttpClientName + ":" + name;

    public static string Describe(string name) => name.Length == 0 ? "the default DataPulse client" : $"the DataPulse client '{name}'";
}
