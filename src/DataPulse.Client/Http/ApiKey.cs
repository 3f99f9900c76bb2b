namespace DataPulse.Client.Http;

/// <summary>Checks and redacts API keys. A key is never written anywhere but the Authorization header.</summary>
internal static class ApiKey
{
    public const string LivePrefix = "dp_live_sk_";
    public const string TestPrefix = "dp_test_sk_";

    /// <summary>A problem that makes the key unusable, or null. Never quotes the key.</summary>
    public static string? Check(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return "ApiKey is required: pass your dp_live_sk_… or dp_test_sk_… key (it must not be empty or white space).";
        }

        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e')
            {
                return "ApiKey contains white space, control or non-ASCII characters; copy the key again without them.";
            }
        }

        return null;
    }

    public static bool HasKnownPrefix(string key) =>
        key.StartsWith(LivePrefix, StringComparison.Ordinal) || key.StartsWith(TestPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The most of a key that may ever be shown: its known prefix and last four characters
    /// (<c>dp_live_sk_…a1b2</c>); for an unknown shape, only the last four.
    /// </summary>
    public static string Redact(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "(none)";
        }

        var prefix = key.StartsWith(LivePrefix, StringComparison.Ordinal) ? LivePrefix
            : key.StartsWith(TestPrefix, StringComparison.Ordinal) ? TestPrefix
            : string.Empty;
        var secretLength = key.Length - prefix.Length;
        return secretLength >= 12 ? string.Concat(prefix, "…", key.AsSpan(key.Length - 4)) : prefix + "…";
    }

    /// <summary>Replaces every occurrence of <paramref name="key"/> in <paramref name="text"/> by its redacted form.</summary>
    public static string? Scrub(string? text, string? key) =>
        string.IsNullOrEmpty(text) || string.IsNullOrEmpty(key)
            ? text
            : text.Replace(key, Redact(key), StringComparison.Ordinal);
}
