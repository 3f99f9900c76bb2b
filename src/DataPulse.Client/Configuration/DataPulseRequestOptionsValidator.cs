using System.Globalization;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Configuration;

/// <summary>
/// Checks a <see cref="DataPulseRequestOptions"/> as <see cref="DataPulseClientOptionsValidator"/> checks the client's: each
/// problem is one sentence that names the setting (and the header), never quoting a header's value.
/// </summary>
internal static class DataPulseRequestOptionsValidator
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    /// <summary>Headers the SDK sets itself, each with why a call may not replace it.</summary>
    private static readonly Dictionary<string, string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Authorization"] = "the SDK sends the API key in it",
        ["User-Agent"] = "the SDK sends its own; set DataPulseClientOptions.ApplicationId to add your application's name",
        ["Accept"] = "the SDK asks for what each operation answers",
        ["Idempotency-Key"] = "set DataPulseRequestOptions.IdempotencyKey instead",
        ["Allow"] = "it describes the body, which the SDK writes",
        ["Expires"] = "it describes the body, which the SDK writes",
        ["Last-Modified"] = "it describes the body, which the SDK writes",
    };

    /// <param name="options">The options to check.</param>
    /// <param name="sendsPost">Whether the operation sends a <c>POST</c>, the only request that carries an idempotency key.</param>
    public static List<string> Validate(DataPulseRequestOptions options, bool sendsPost)
    {
        var problems = new List<string>();
        if (options.Timeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > OneDay))
        {
            problems.Add(Invariant($"{nameof(options.Timeout)} must be more than zero and at most 1 day; it is {timeout}."));
        }

        if (options.AttemptTimeout is { } attemptTimeout)
        {
            if (attemptTimeout <= TimeSpan.Zero || attemptTimeout > OneDay)
            {
                problems.Add(Invariant($"{nameof(options.AttemptTimeout)} must be more than zero and at most 1 day; it is {attemptTimeout}."));
            }
            else if (options.Timeout is { } overall && overall > TimeSpan.Zero && attemptTimeout > overall)
            {
                problems.Add(Invariant($"{nameof(options.AttemptTimeout)} ({attemptTimeout}) must not be longer than {nameof(options.Timeout)} ({overall})."));
            }
        }

        if (options.MaxRetries is { } maxRetries and (< 0 or > 10))
        {
            problems.Add(Invariant($"{nameof(options.MaxRetries)} must be from 0 to 10; it is {maxRetries}."));
        }

        if (options.IdempotencyKey is { } key)
        {
            if (!sendsPost)
            {
                problems.Add($"{nameof(options.IdempotencyKey)} is only for operations that send a POST; this one does not.");
            }
            else if (!IdempotencyKey.IsValid(key))
            {
                problems.Add($"{nameof(options.IdempotencyKey)} must be a GUID: 32 hex digits, hyphenated or in braces (for example Guid.NewGuid().ToString()).");
            }
        }

        foreach (var (name, value) in options.Headers)
        {
            if (CheckHeader(name, value) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    /// <summary>Why a header may not be sent, or null.</summary>
    private static string? CheckHeader(string name, string? value)
    {
        if (!IsToken(name))
        {
            return $"Headers: '{Printable(name)}' is not a header name (letters, digits and !#$%&'*+-.^_`|~ only).";
        }

        if (Reserved.TryGetValue(name, out var why))
        {
            return $"Headers: {name} cannot be set per call: {why}.";
        }

        if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            return $"Headers: {name} cannot be set per call: it describes the body, which the SDK writes.";
        }

        if (value is null)
        {
            return $"Headers: {name} has no value (null).";
        }

        foreach (var c in value)
        {
            // A line break would end the header and start another: never sent. Tabs are allowed, as HTTP allows them.
            if ((char.IsControl(c) && c != '\t') || c > '\u00ff')
            {
                return $"Headers: the value of {name} holds a line break, a control character or a character outside Latin-1.";
            }
        }

        return null;
    }

    /// <summary>An RFC 9110 token: the characters a header name may have.</summary>
    private static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static string Printable(string name) => name.Length > 40 || name.Any(char.IsControl) ? "(unprintable)" : name;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
