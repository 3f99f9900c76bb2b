using System.Text.Json;

namespace DataPulse.Client.ContractCheck.Prism;

/// <summary>
/// Reads Prism's verdict on one exchange. Prism lists every violation in its <c>sl-violations</c> response header (a JSON
/// array); with <c>--errors</c> an error-level one also replaces the answer with its own problem document, whose
/// <c>type</c> starts with <c>https://stoplight.io/prism/errors#</c> and whose <c>validation</c> lists the violations.
/// Either is enough: the header also catches warnings on an answer Prism let through.
/// </summary>
internal static class PrismVerdict
{
    public const string ViolationsHeader = "sl-violations";
    public const string ErrorTypePrefix = "https://stoplight.io/prism/errors#";
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>The violations in the <c>sl-violations</c> header and in a Prism problem body, without repeats.</summary>
    public static IReadOnlyList<Violation> Violations(string? violationsHeader, string? problemBody)
    {
        var found = new List<Violation>();
        if (!string.IsNullOrWhiteSpace(violationsHeader))
        {
            using var header = JsonDocument.Parse(violationsHeader);
            found.AddRange(Read(header.RootElement));
        }

        if (PrismError(problemBody) is not null)
        {
            using var problem = JsonDocument.Parse(problemBody!);
            if (problem.RootElement.TryGetProperty("validation", out var validation))
            {
                found.AddRange(Read(validation));
            }
        }

        return found.Distinct().ToList();
    }

    /// <summary>Prism's own error type (<c>VIOLATIONS</c>, <c>UNPROCESSABLE_ENTITY</c>, <c>NO_PATH_MATCHED_ERROR</c>,
    /// an upstream failure, ...) when the body is one of Prism's problem documents; otherwise null.</summary>
    public static string? PrismError(string? problemBody)
    {
        if (string.IsNullOrWhiteSpace(problemBody))
        {
            return null;
        }

        try
        {
            using var problem = JsonDocument.Parse(problemBody);
            return problem.RootElement.ValueKind == JsonValueKind.Object
                && problem.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                && type.GetString() is { } text
                && text.StartsWith(ErrorTypePrefix, StringComparison.Ordinal)
                    ? text[ErrorTypePrefix.Length..]
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<Violation> Read(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var item in list.EnumerateArray())
        {
            var location = item.TryGetProperty("location", out var path) && path.ValueKind == JsonValueKind.Array
                ? string.Join('.', path.EnumerateArray().Select(p => p.ToString()))
                : "?";
            yield return new Violation(
                location,
                Text(item, "code"),
                Text(item, "severity"),
                Text(item, "message"));
        }
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ToString() : string.Empty;
}
