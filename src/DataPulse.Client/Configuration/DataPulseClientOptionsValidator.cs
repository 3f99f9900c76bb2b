using System.Globalization;
using DataPulse.Client.Http;

namespace DataPulse.Client.Configuration;

/// <summary>Checks a <see cref="DataPulseClientOptions"/>; each problem is one sentence that names the setting.</summary>
// Hand-written, not [OptionsValidator]: only the plain ranges fit attributes; the key, https-or-loopback, AttemptTimeout <= Timeout and binding checks stay here anyway, shared with the constructors.
internal static class DataPulseClientOptionsValidator
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    public static IReadOnlyList<string> Validate(DataPulseClientOptions options)
    {
        var problems = new List<string>(options.ConfigurationProblems ?? []);

        if (ApiKey.Check(options.ApiKey) is { } keyProblem)
        {
            problems.Add(keyProblem);
        }

        if (TransportSecurity.CheckBaseAddress(options.BaseAddress) is { } addressProblem)
        {
            problems.Add(addressProblem);
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > OneDay)
        {
            problems.Add(Invariant($"{nameof(options.Timeout)} must be more than zero and at most 1 day; it is {options.Timeout}."));
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > OneDay)
        {
            problems.Add(Invariant($"{nameof(options.AttemptTimeout)} must be more than zero and at most 1 day; it is {options.AttemptTimeout}."));
        }
        else if (options.AttemptTimeout > options.Timeout && options.Timeout > TimeSpan.Zero)
        {
            problems.Add(Invariant($"{nameof(options.AttemptTimeout)} ({options.AttemptTimeout}) must not be longer than {nameof(options.Timeout)} ({options.Timeout})."));
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            problems.Add(Invariant($"{nameof(options.MaxRetries)} must be from 0 to 10; it is {options.MaxRetries}."));
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > OneDay)
        {
            problems.Add(Invariant($"{nameof(options.MaxRetryAfter)} must be from zero to 1 day; it is {options.MaxRetryAfter}."));
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > DataPulseClientOptions.MaxBackoffDelay)
        {
            problems.Add(Invariant($"{nameof(options.RetryBaseDelay)} must be from zero to {DataPulseClientOptions.MaxBackoffDelay.TotalSeconds} seconds; it is {options.RetryBaseDelay}."));
        }

        if (options.MaxResponseBufferSize is < 1024 or > 1024 * 1024 * 1024)
        {
            problems.Add(Invariant($"{nameof(options.MaxResponseBufferSize)} must be from 1 KiB (1024) to 1 GiB (1073741824) bytes; it is {options.MaxResponseBufferSize}."));
        }

        if (options.DownloadIdleTimeout <= TimeSpan.Zero || options.DownloadIdleTimeout > OneDay)
        {
            problems.Add(Invariant($"{nameof(options.DownloadIdleTimeout)} must be more than zero and at most 1 day; it is {options.DownloadIdleTimeout}."));
        }

        if (options.ReportGenerationTimeout <= TimeSpan.Zero || options.ReportGenerationTimeout > OneDay)
        {
            problems.Add(Invariant($"{nameof(options.ReportGenerationTimeout)} must be more than zero and at most 1 day; it is {options.ReportGenerationTimeout}."));
        }

        if (UserAgent.CheckApplicationId(options.ApplicationId) is { } appIdProblem)
        {
            problems.Add(appIdProblem);
        }

        if (options.TimeProvider is null)
        {
            problems.Add($"{nameof(options.TimeProvider)} must not be null.");
        }

        RateLimiting.RetryBudgetValidator.Validate(options.RetryBudget, problems);

        return problems;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem, or returns when there is none.</summary>
    public static void ThrowIfInvalid(DataPulseClientOptions options, string paramName)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid DataPulse client options: " + string.Join(" ", problems), paramName);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
