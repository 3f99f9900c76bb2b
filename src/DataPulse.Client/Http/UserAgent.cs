using System.Reflection;
using System.Runtime.InteropServices;

namespace DataPulse.Client.Http;

/// <summary>Builds <c>datapulse-dotnet/&lt;version&gt; (&lt;runtime&gt;; &lt;os&gt;) [application id]</c>.</summary>
internal static class UserAgent
{
    private const int MaxApplicationIdLength = 100;

    public static string SdkVersion { get; } = ReadSdkVersion();

    private static readonly string BaseValue =
        $"datapulse-dotnet/{SdkVersion} ({Clean(RuntimeInformation.FrameworkDescription)}; {Clean(RuntimeInformation.OSDescription)})";

    public static string Build(string? applicationId) =>
        string.IsNullOrEmpty(applicationId) ? BaseValue : BaseValue + " " + applicationId;

    public static string? CheckApplicationId(string? applicationId)
    {
        if (applicationId is null)
        {
            return null;
        }

        if (applicationId.Length is 0 or > MaxApplicationIdLength)
        {
            return $"ApplicationId must be 1 to {MaxApplicationIdLength} characters long.";
        }

        foreach (var c in applicationId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '+'))
            {
                return "ApplicationId may hold only letters, digits and . _ - / + (it goes into the User-Agent header).";
            }
        }

        return null;
    }

    private static string ReadSdkVersion()
    {
        var informational = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(UserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        // Drop the source-revision suffix ("+abc123") that SourceLink appends.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    /// <summary>Keeps a header comment well-formed: no parentheses or control characters inside it.</summary>
    private static string Clean(string value)
    {
        var chars = value.Where(c => c is >= ' ' and <= '~' && c is not '(' and not ')' and not ';').ToArray();
        return new string(chars).Trim();
    }
}
