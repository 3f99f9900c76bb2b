using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace DataPulse.Client.Configuration;

/// <summary>
/// Reads a configuration section into <see cref="DataPulseClientOptions"/> with explicit, reflection-free reads (so the
/// library stays trimming- and Native-AOT-clean), with the configuration binder's formats: time spans as
/// <c>[d.]hh:mm:ss</c>, numbers and booleans invariant. A value that cannot be read becomes a validation problem naming
/// its key, never quoting a value. Keys are matched ignoring case; unknown keys are ignored.
/// </summary>
/// <remarks>
/// <para>
/// <c>BaseAddress</c> and <c>Environment</c> both say where the API is: when both are set, the one from the later
/// configuration source wins (an <c>Environment</c> in appsettings.json, a <c>BaseAddress</c> in
/// appsettings.Development.json: the base address), told apart by asking each provider of the application's configuration
/// which keys it holds; both in one source, or sources that cannot be told apart, is a problem naming both keys.
/// </para>
/// Keys: <c>ApiKey</c>, <c>BaseAddress</c> or <c>Environment</c> (<c>Production</c> or <c>Sandbox</c>, the hosted
/// <c>https://sandbox.datapulse.io</c>), <c>Timeout</c>,
/// <c>AttemptTimeout</c>, <c>MaxRetries</c>, <c>MaxRetryAfter</c>, <c>RetryBaseDelay</c>, <c>ReportGenerationTimeout</c>,
/// <c>DownloadIdleTimeout</c>, <c>ApplicationId</c>, <c>LogBodies</c>, <c>MaxResponseBufferSize</c>, <c>RateLimitPacing</c>,
/// <c>RetryBudget:Enabled</c>, <c>RetryBudget:MaxTokens</c> and <c>RetryBudget:TokenRatio</c>. Objects only code can set
/// (<c>TimeProvider</c>, <c>LoggerFactory</c>, <c>ConfigureResilience</c>, <c>ResiliencePipeline</c>, <c>RateLimitStore</c>)
/// are not read. Every option is checked against this list by <c>Wholesome/OptionConventionsTests</c>.
/// </remarks>
// Hand-written, not the binder or its generator (8.0's interceptors warn on .NET 10): the binder throws at the first unreadable value (10.0 quotes it); this lists every bad key, unquoted.
internal static class DataPulseConfigurationReader
{
    public const string EnvironmentKey = "Environment";

    /// <param name="configuration">The section to read (or a whole configuration whose top-level keys are the options).</param>
    /// <param name="options">The options to set.</param>
    /// <param name="application">
    /// The application's configuration (the container's <see cref="IConfiguration"/>), which <paramref name="configuration"/>
    /// is usually a section of: its providers tell which source set <c>Environment</c> and <c>BaseAddress</c>. Null when
    /// there is none.
    /// </param>
    public static void Bind(IConfiguration configuration, DataPulseClientOptions options, IConfiguration? application = null)
    {
        var problems = new List<string>(options.ConfigurationProblems ?? []);

        if (configuration[nameof(options.ApiKey)] is { } apiKey)
        {
            options.ApiKey = apiKey;
        }

        var environment = Value(configuration, EnvironmentKey);
        var baseAddress = Value(configuration, nameof(options.BaseAddress));
        if (environment is not null && baseAddress is not null)
        {
            // Configuration merges its sources: a later one that sets the other key means "not that, this".
            switch (LaterSource(configuration, application, EnvironmentKey, nameof(options.BaseAddress), out var sameSource))
            {
                case 0:
                    baseAddress = null;
                    break;
                case 1:
                    environment = null;
                    break;
                default:
                    problems.Add(sameSource is null
                        ? $"{PathOf(configuration, EnvironmentKey)} and {PathOf(configuration, nameof(options.BaseAddress))} are both set; set only one of them."
                        : $"{PathOf(configuration, EnvironmentKey)} and {PathOf(configuration, nameof(options.BaseAddress))} are both set in one configuration source ({sameSource}); set only one of them.");
                    environment = baseAddress = null;
                    break;
            }
        }

        if (environment is not null)
        {
            if (string.Equals(environment, "Production", StringComparison.OrdinalIgnoreCase))
            {
                options.BaseAddress = DataPulseClientOptions.ProductionBaseAddress;
            }
            else if (string.Equals(environment, "Sandbox", StringComparison.OrdinalIgnoreCase))
            {
                options.BaseAddress = DataPulseClientOptions.SandboxBaseAddress;
            }
            else
            {
                problems.Add($"{PathOf(configuration, EnvironmentKey)} must be Production or Sandbox.");
            }
        }
        else if (baseAddress is not null)
        {
            if (Uri.TryCreate(baseAddress, UriKind.RelativeOrAbsolute, out var address))
            {
                options.BaseAddress = address;
            }
            else
            {
                problems.Add($"{PathOf(configuration, nameof(options.BaseAddress))} is not a valid address; write it like https://api.datapulse.io.");
            }
        }

        ReadTimeSpan(configuration, nameof(options.Timeout), value => options.Timeout = value, problems);
        ReadTimeSpan(configuration, nameof(options.AttemptTimeout), value => options.AttemptTimeout = value, problems);
        ReadTimeSpan(configuration, nameof(options.MaxRetryAfter), value => options.MaxRetryAfter = value, problems);
        ReadTimeSpan(configuration, nameof(options.RetryBaseDelay), value => options.RetryBaseDelay = value, problems);
        ReadTimeSpan(configuration, nameof(options.ReportGenerationTimeout), value => options.ReportGenerationTimeout = value, problems);
        ReadTimeSpan(configuration, nameof(options.DownloadIdleTimeout), value => options.DownloadIdleTimeout = value, problems);

        ReadInt(configuration, nameof(options.MaxRetries), value => options.MaxRetries = value, problems);
        ReadInt(configuration, nameof(options.MaxResponseBufferSize), value => options.MaxResponseBufferSize = value, problems);

        if (configuration[nameof(options.ApplicationId)] is { } applicationId)
        {
            options.ApplicationId = applicationId;
        }

        ReadBool(configuration, nameof(options.LogBodies), value => options.LogBodies = value, problems);
        ReadBool(configuration, nameof(options.RateLimitPacing), value => options.RateLimitPacing = value, problems);

        var budget = configuration.GetSection(nameof(options.RetryBudget));
        ReadBool(budget, nameof(RateLimiting.RetryBudgetOptions.Enabled), value => options.RetryBudget.Enabled = value, problems);
        ReadInt(budget, nameof(RateLimiting.RetryBudgetOptions.MaxTokens), value => options.RetryBudget.MaxTokens = value, problems);
        if (Value(budget, nameof(RateLimiting.RetryBudgetOptions.TokenRatio)) is { } ratio)
        {
            if (double.TryParse(ratio, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                options.RetryBudget.TokenRatio = parsed;
            }
            else
            {
                problems.Add($"{PathOf(budget, nameof(RateLimiting.RetryBudgetOptions.TokenRatio))} is not a number.");
            }
        }

        options.ConfigurationProblems = problems.Count == 0 ? null : problems;
    }

    private static void ReadInt(IConfiguration configuration, string key, Action<int> set, List<string> problems)
    {
        if (Value(configuration, key) is { } text)
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                set(value);
            }
            else
            {
                problems.Add($"{PathOf(configuration, key)} is not a whole number.");
            }
        }
    }

    private static void ReadBool(IConfiguration configuration, string key, Action<bool> set, List<string> problems)
    {
        if (Value(configuration, key) is { } text)
        {
            if (bool.TryParse(text, out var value))
            {
                set(value);
            }
            else
            {
                problems.Add($"{PathOf(configuration, key)} must be true or false.");
            }
        }
    }

    private static void ReadTimeSpan(IConfiguration configuration, string key, Action<TimeSpan> set, List<string> problems)
    {
        if (Value(configuration, key) is not { } text)
        {
            return;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            set(value);
        }
        else
        {
            problems.Add($"{PathOf(configuration, key)} is not a time span; write it as hh:mm:ss, for example 00:00:30 for 30 seconds.");
        }
    }

    /// <summary>
    /// Which of two keys of <paramref name="configuration"/> a later source of the application's configuration set: 0 for
    /// <paramref name="first"/>, 1 for <paramref name="second"/>, -1 when one source set both (named in
    /// <paramref name="sameSource"/>) or the sources cannot be told apart (<paramref name="sameSource"/> null).
    /// </summary>
    private static int LaterSource(IConfiguration configuration, IConfiguration? application, string first, string second, out string? sameSource)
    {
        sameSource = null;
        var (root, firstPath, secondPath) = configuration switch
        {
            IConfigurationRoot own => (own, first, second),
            IConfigurationSection section when application is IConfigurationRoot app
                // Only when the section is the application's own: the same values under the same path.
                && app[ConfigurationPath.Combine(section.Path, first)] == section[first]
                && app[ConfigurationPath.Combine(section.Path, second)] == section[second]
                => (app, ConfigurationPath.Combine(section.Path, first), ConfigurationPath.Combine(section.Path, second)),
            _ => ((IConfigurationRoot?)null, first, second),
        };
        if (root is null)
        {
            return -1;
        }

        // The merged value is the last provider's that holds the key (ConfigurationRoot reads them in reverse).
        var providers = root.Providers.ToList();
        int SourceOf(string path)
        {
            for (var i = providers.Count - 1; i >= 0; i--)
            {
                if (providers[i].TryGet(path, out _))
                {
                    return i;
                }
            }

            return -1;
        }

        var firstSource = SourceOf(firstPath);
        var secondSource = SourceOf(secondPath);
        if (firstSource < 0 || secondSource < 0)
        {
            return -1;
        }

        if (firstSource == secondSource)
        {
            sameSource = providers[firstSource].ToString();
            return -1;
        }

        return firstSource > secondSource ? 0 : 1;
    }

    /// <summary>The trimmed value, or null when the key is absent or empty (as the binder leaves the default then).</summary>
    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string PathOf(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection section && section.Path.Length > 0 ? ConfigurationPath.Combine(section.Path, key) : key;
}
