namespace DataPulse.Client.Internal;

/// <summary>One key per logical POST call; a retry resends the same request, so the same key.</summary>
internal static class IdempotencyKey
{
    public static string For(string? callerKey) =>
        callerKey is null ? Guid.NewGuid().ToString("N") : Check(callerKey);

    private static string Check(string key)
    {
        if (key.Length is 0 or > 255 || key.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException("IdempotencyKey must be 1 to 255 visible ASCII characters.", nameof(key));
        }

        return key;
    }
}
