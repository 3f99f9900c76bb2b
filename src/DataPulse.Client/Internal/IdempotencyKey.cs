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

    /// <summary>
    /// The key of a call that may carry one on its request and one in its per-call options (already checked): either, or a
    /// fresh one; both set to different keys is refused, since only one can be sent.
    /// </summary>
    /// <param name="requestKey">The request's <c>IdempotencyKey</c>.</param>
    /// <param name="callKey">The call's <see cref="DataPulseRequestOptions.IdempotencyKey"/>.</param>
    /// <param name="paramName">The caller's parameter holding the call's options, named in the exception.</param>
    public static string ForCall(string? requestKey, string? callKey, string paramName = "requestOptions")
    {
        if (callKey is null)
        {
            return For(requestKey);
        }

        if (requestKey is not null && !string.Equals(requestKey, callKey, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "IdempotencyKey is set both on the request and in requestOptions, to different keys; set it in one place.", paramName);
        }

        return callKey;
    }

    /// <summary>Whether <paramref name="key"/> has one of the GUID forms the contract allows.</summary>
    public static bool IsValid(string key)
    {
        foreach (var format in GuidFormats)
        {
            if (Guid.TryParseExact(key, format, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static string Check(string key, string paramName) => IsValid(key)
        ? key
        : throw new ArgumentException(
            "IdempotencyKey must be a GUID: 32 hex digits, hyphenated or in braces (for example Guid.NewGuid().ToString()).", paramName);
}
