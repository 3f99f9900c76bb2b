namespace DataPulse.Client.Http;

/// <summary>
/// Supplies the current API key on every attempt, so a key rotated through configuration applies to the next request.
/// </summary>
internal sealed class ApiKeyProvider(Func<string?> getKey)
{
    public static ApiKeyProvider Fixed(string key) => new(() => key);

    public string Current => getKey() is { Length: > 0 } key
        ? key
        : throw new DataPulseException("The DataPulse API key is not set: configure DataPulseClientOptions.ApiKey.");

    public string? TryCurrent() => getKey();
}
