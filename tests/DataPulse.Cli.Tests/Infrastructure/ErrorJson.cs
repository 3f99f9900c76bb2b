using System.Text.Json;

namespace DataPulse.Cli.Tests.Infrastructure;

/// <summary>Reads the <c>{"error":{…}}</c> object a failed <c>--json</c> run writes on stderr.</summary>
public static class ErrorJson
{
    /// <summary>
    /// Checks that every stderr line is a JSON object (the contract with --json) and returns the error's properties.
    /// </summary>
    public static JsonElement Read(CliResult result)
    {
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var objects = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        objects.Should().OnlyContain(o => o.ValueKind == JsonValueKind.Object, "with --json every stderr line is one JSON object");
        var errors = objects.Where(o => o.TryGetProperty("error", out _)).ToList();
        errors.Should().ContainSingle("one error object: {0}", result);
        return errors[0].GetProperty("error");
    }
}
