namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// Asserts that a text holds neither an API key nor any 8-character run of it. Runs that lie wholly inside the public
/// prefix (<c>dp_test_sk_</c>) are allowed: the contract lets the prefix and the last 4 characters be shown.
/// </summary>
public static class KeyLeak
{
    public static void ShouldNotContainKey(this string text, string key = ApiServer.ApiKey)
    {
        text.Should().NotContain(key);
        var prefixLength = key.StartsWith("dp_", StringComparison.Ordinal) ? "dp_test_sk_".Length : 0;
        for (var start = Math.Max(0, prefixLength - 7); start + 8 <= key.Length; start++)
        {
            var run = key.Substring(start, 8);
            text.Should().NotContain(run, "no 8-character run of the key ({0} at {1}) may appear", run, start);
        }
    }
}
