using System.Globalization;
using System.Text.Json;
using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Pipeline;

namespace DataPulse.Client.Testing.Resources;

/// <summary>Reads and checks request bodies, answering the contract's 400 (with <c>param</c>) when a field is wrong.</summary>
internal static class JsonBody
{
    /// <summary>Parses the body as a JSON object; on failure <paramref name="error"/> holds the 400 to send.</summary>
    public static bool TryRead(SandboxCall call, out JsonElement body, out SandboxResponse? error)
    {
        body = default;
        error = null;
        if (string.IsNullOrWhiteSpace(call.Body))
        {
            error = ApiErrors.BadRequest(call, "invalid_json", "The request body is empty; send a JSON object.", null);
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(call.Body);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            error = ApiErrors.BadRequest(call, "invalid_json", "The request body is not valid JSON: " + ex.Message, null);
            return false;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            error = ApiErrors.BadRequest(call, "invalid_json", "The request body must be a JSON object.", null);
            return false;
        }

        return true;
    }

    /// <summary>A required non-empty string field.</summary>
    public static string? RequiredString(SandboxCall call, JsonElement body, string name, string param, out SandboxResponse? error)
    {
        error = null;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            error = ApiErrors.MissingParameter(call, param);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            error = ApiErrors.InvalidParameter(call, param, $"'{param}' must be a non-empty string.");
            return null;
        }

        return value.GetString();
    }

    /// <summary>An optional whole number in a range, from a JSON body or a query string.</summary>
    public static bool TryInteger(SandboxCall call, string param, JsonElement? value, string? text, int min, int max, int fallback, out int result, out SandboxResponse? error)
    {
        error = null;
        result = fallback;
        var present = value is { ValueKind: not JsonValueKind.Null } || text is not null;
        if (!present)
        {
            return true;
        }

        var parsed = value is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var n) ? n
            : text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t
            : (int?)null;
        if (parsed is null || parsed < min || parsed > max)
        {
            error = ApiErrors.InvalidParameter(call, param, FormattableString.Invariant($"'{param}' must be a whole number from {min} to {max}."));
            return false;
        }

        result = parsed.Value;
        return true;
    }
}
