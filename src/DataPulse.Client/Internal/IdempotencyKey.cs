namespace DataPulse.Client.Internal;

/// <summary>One key per logical POST call; a retry resends the same request, so the same key.</summary>
internal static class IdempotencyKey
{
    /// <param name="callerKey">The request's <c>IdempotencyKey</c>, or null for a fresh one.</param>
    /// <param name="paramName">The caller's parameter holding the request, named in the exception.</param>
    public static string For(string? callerKey, string paramName = "request") =>
        callerKey is null ? Guid.NewGuid().ToString("N") : Check(callerKey, paramName);

    private static string Check(string key, string paramName)
    {
        if (key.Length is 0 or > 255 || key.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException("IdempotencyKey must be 1 to 255 visible ASCII characters (it is sent as a header).", paramName);
        }

        return key;
    }
}
