namespace DataPulse.Client.LoadScenarios.Zoo;

/// <summary>What a zoo server answers one request: a status and the headers that describe its rate limit.</summary>
public sealed record ZooAnswer(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public static ZooAnswer Ok(params (string Name, string Value)[] headers) => new(200, headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList());

    public static ZooAnswer TooManyRequests(params (string Name, string Value)[] headers) => new(429, headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList());
}
