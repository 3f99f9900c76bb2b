namespace DataPulse.Client.Internal;

/// <summary>
/// One key per logical POST call; a retry resends the same request, so the same key. The contract's key is a GUID: a
/// caller's own key must be one too (any other text is refused before anything is sent, where the API or a gateway
/// checking the contract would refuse it after), and it is sent as given, so the caller's repeats match exactly.
/// </summary>
internal static class IdempotencyKey
{
    // The forms the contract's pattern allows: 32 hex digits, hyphenated, or hyphenated in braces.
    private static readonly string[] GuidFormats = ["N", "D", "B"];

    /// <param name="callerKey">The request's <c>IdempotencyKey</c>, or null for a fresh one.</param>
    /// <param name="paramName">The caller's parameter holding the request, named in the exception.</param>
    public static string For(string? callerKey, string paramName = "request") =>
        callerKey is null ? Guid.NewGuid().ToString("N") : Check(callerKey, paramName);

    private static string Check(string key, string paramName)
    {
        foreach (var format in GuidFormats)
        {
            if (Guid.TryParseExact(key, format, out _))
            {
                return key;
            }
        }

        throw new ArgumentException(
            "IdempotencyKey must be a GUID: 32 hex digits, hyphenated or in braces (for example Guid.NewGuid().ToString()).", paramName);
    }
}
