namespace DataPulse.Client.Http;

/// <summary>
/// Supplies the current API key on every attempt, so a key rotated through configuration applies to the next request.
/// </summary>
internal sealed class ApiKeyProvider(Func<string?> getKey)
{
    public static ApiKeyProvider Fixed(string key) => new(() => key);

    /// <summary>The key now, or null when none is set (a reloaded configuration may have lost it).</summary>
    public string? TryCurrent() => getKey() is { Length: > 0 } key ? key : null;
}
