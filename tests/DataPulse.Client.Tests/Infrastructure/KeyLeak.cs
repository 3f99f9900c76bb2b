using DataPulse.Client.Http;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>Checks that text shows no part of an API key beyond what the contract allows (its public prefix and last 4 characters).</summary>
public static class KeyLeak
{
    public const int RunLength = 8;

    /// <summary>Every 8-character run of the key that holds at least one secret character (runs inside the public prefix are not secret).</summary>
    public static IEnumerable<string> SecretRuns(string key)
    {
        var prefixLength = key.StartsWith(ApiKey.LivePrefix, StringComparison.Ordinal) || key.StartsWith(ApiKey.TestPrefix, StringComparison.Ordinal)
            ? ApiKey.LivePrefix.Length
            : 0;
        for (var start = 0; start + RunLength <= key.Length; start++)
        {
            if (start + RunLength > prefixLength)
            {
                yield return key.Substring(start, RunLength);
            }
        }
    }

    public static void ShouldNotReveal(this string? text, string key, string what)
    {
        text ??= string.Empty;
        text.Should().NotContain(key, "{0} must never contain the API key", what);
        foreach (var run in SecretRuns(key))
        {
            text.Should().NotContain(run, "{0} must not show any 8-character run of the API key ('{1}' leaked)", what, run);
        }
    }

    /// <summary>Checks the message and ToString() of an exception and of every inner exception.</summary>
    public static void ShouldNotReveal(this Exception exception, string key)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            current.Message.ShouldNotReveal(key, $"the Message of {current.GetType().Name}");
        }

        exception.ToString().ShouldNotReveal(key, $"{exception.GetType().Name}.ToString()");
    }

    /// <summary>The same check for the shared test key, in the form the DI and observability tests use.</summary>
    public static void ShouldNotContainKey(this string text, string key = ApiServer.ApiKey) =>
        text.ShouldNotReveal(key, "the text");
}
