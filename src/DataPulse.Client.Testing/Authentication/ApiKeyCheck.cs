using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Pipeline;

namespace DataPulse.Client.Testing.Authentication;

/// <summary>Checks the bearer key the way the real API does: missing or unknown is 401; the read-only key may not write (403).</summary>
internal static class ApiKeyCheck
{
    private const string BearerPrefix = "Bearer ";

    public static SandboxResponse? Reject(SandboxCall call, bool isWrite)
    {
        var header = call.Header("Authorization");
        if (string.IsNullOrWhiteSpace(header))
        {
            return ApiErrors.Create(call, 401, "missing_api_key",
                "No API key was sent. Send 'Authorization: Bearer <key>'.");
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ApiErrors.Create(call, 401, "invalid_authorization_header",
                "The Authorization header must use the Bearer scheme.");
        }

        var key = PresentedKey(header)!;
        var options = call.State.Options;
        if (string.Equals(key, options.ApiKey, StringComparison.Ordinal))
        {
            return null;
        }

        if (string.Equals(key, options.ReadOnlyApiKey, StringComparison.Ordinal))
        {
            return isWrite
                ? ApiErrors.Create(call, 403, "insufficient_permissions",
                    "This API key is read-only; it cannot create, run or delete anything.")
                : null;
        }

        return key.StartsWith("dp_live_sk_", StringComparison.Ordinal)
            ? ApiErrors.Create(call, 401, "invalid_api_key", "Live keys are not accepted by the sandbox; use a dp_test_sk_ key.")
            : ApiErrors.Create(call, 401, "invalid_api_key", "The API key is not valid.");
    }

    /// <summary>The key in an <c>Authorization: Bearer</c> header; the whole value for another scheme; null for none.</summary>
    public static string? PresentedKey(string? authorization) =>
        authorization is null ? null
        : authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim()
        : authorization.Trim();

    /// <summary>What <see cref="SandboxRequest.Headers"/> shows instead of the key: its prefix and last four characters.</summary>
    public static string Redact(string authorization)
    {
        var scheme = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? BearerPrefix : string.Empty;
        var key = authorization[scheme.Length..].Trim();
        var prefixEnd = key.StartsWith("dp_", StringComparison.Ordinal) ? key.IndexOf("_sk_", StringComparison.Ordinal) : -1;
        var prefix = prefixEnd > 0 ? key[..(prefixEnd + 4)] : string.Empty;
        var last4 = key.Length - prefix.Length > 8 ? key[^4..] : string.Empty;
        return $"{scheme}{prefix}[REDACTED]{last4}";
    }
}
