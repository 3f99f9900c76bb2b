using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests;

/// <summary>Every setting, when invalid, fails construction with a message naming it and its allowed range; valid edges pass.</summary>
public sealed class DataPulseClientOptionsValidatorTests
{
    private static DataPulseClientOptions Valid() => new() { ApiKey = ApiServer.ApiKey };

    public static TheoryData<string, Action<DataPulseClientOptions>> BadSettings => new()
    {
        { "Timeout", o => o.Timeout = TimeSpan.Zero },
        { "Timeout", o => o.Timeout = TimeSpan.FromDays(2) },
        { "AttemptTimeout", o => o.AttemptTimeout = TimeSpan.Zero },
        { "AttemptTimeout", o => o.AttemptTimeout = TimeSpan.FromMinutes(5) },
        { "MaxRetries", o => o.MaxRetries = -1 },
        { "MaxRetries", o => o.MaxRetries = 11 },
        { "MaxRetryAfter", o => o.MaxRetryAfter = TimeSpan.FromSeconds(-1) },
        { "MaxRetryAfter", o => o.MaxRetryAfter = TimeSpan.FromDays(2) },
        { "RetryBaseDelay", o => o.RetryBaseDelay = TimeSpan.FromMinutes(1) },
        { "ApplicationId", o => o.ApplicationId = "acme billing" },
        { "ApplicationId", o => o.ApplicationId = "acme\r\nX-Injected: 1" },
        { "ApplicationId", o => o.ApplicationId = "" },
        { "ApplicationId", o => o.ApplicationId = new string('a', 101) },
        { "ApiKey", o => o.ApiKey = null },
        { "ApiKey", o => o.ApiKey = "" },
        { "ApiKey", o => o.ApiKey = "   " },
        { "ApiKey", o => o.ApiKey = "dp_test_sk_abc def" },
        { "BaseAddress", o => o.BaseAddress = null! },
        { "BaseAddress", o => o.BaseAddress = new Uri("/relative", UriKind.Relative) },
        { "BaseAddress", o => o.BaseAddress = new Uri("ftp://api.datapulse.io/") },
        { "BaseAddress", o => o.BaseAddress = new Uri("https://user:pass@api.datapulse.io/") },
        { "BaseAddress", o => o.BaseAddress = new Uri("https://api.datapulse.io/?region=eu") },
        { "TimeProvider", o => o.TimeProvider = null! },
        { "MaxResponseBufferSize", o => o.MaxResponseBufferSize = 1023 },
        { "MaxResponseBufferSize", o => o.MaxResponseBufferSize = 1024 * 1024 * 1024 + 1 },
        { "ReportGenerationTimeout", o => o.ReportGenerationTimeout = TimeSpan.Zero },
        { "ReportGenerationTimeout", o => o.ReportGenerationTimeout = TimeSpan.FromDays(2) },
        { "DownloadIdleTimeout", o => o.DownloadIdleTimeout = TimeSpan.Zero },
        { "DownloadIdleTimeout", o => o.DownloadIdleTimeout = TimeSpan.FromDays(2) },
        { "RetryBudget", o => o.RetryBudget = null! },
        { "RetryBudget.MaxTokens", o => o.RetryBudget.MaxTokens = 1 },
        { "RetryBudget.MaxTokens", o => o.RetryBudget.MaxTokens = 10_001 },
        { "RetryBudget.TokenRatio", o => o.RetryBudget.TokenRatio = 0 },
        { "RetryBudget.TokenRatio", o => o.RetryBudget.TokenRatio = 1.5 },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Constructor_BadSetting_ThrowsNamingIt(string setting, Action<DataPulseClientOptions> breakIt)
    {
        var options = Valid();
        breakIt(options);

        var act = () => new DataPulseClient(options);

        // Named as a word: "Timeout" inside "AttemptTimeout" does not count.
        var thrown = act.Should().Throw<ArgumentException>().Which;
        thrown.Message.Should().MatchRegex($@"(?<![\w.]){Regex.Escape(setting)}(?![\w])");
        thrown.ParamName.Should().Be("options");
    }

    [Fact]
    public void Constructor_SeveralBadSettings_NamesEveryOne()
    {
        var options = Valid();
        options.Timeout = TimeSpan.Zero;
        options.MaxRetries = 42;
        options.ApplicationId = "has space";
        options.RetryBaseDelay = TimeSpan.FromMinutes(1);

        var act = () => new DataPulseClient(options);

        act.Should().Throw<ArgumentException>().WithMessage("*Timeout*MaxRetries*ApplicationId*").Which.Message.Should().Contain("RetryBaseDelay");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Constructor_MaxRetriesAtTheBounds_IsAccepted(int maxRetries)
    {
        var options = Valid();
        options.MaxRetries = maxRetries;

        var act = () => new DataPulseClient(options).Dispose();

        act.Should().NotThrow();
    }

    [Fact]
    public void Constructor_ValidApplicationId_IsAccepted()
    {
        var options = Valid();
        options.ApplicationId = "acme-billing/2.1+build_7";

        var act = () => new DataPulseClient(options).Dispose();

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void StringConstructor_EmptyKey_ThrowsNamingApiKey(string? key)
    {
        var act = () => new DataPulseClient(key!);

        act.Should().Throw<ArgumentException>().WithMessage("*ApiKey*").Which.ParamName.Should().Be("apiKey");
    }

    [Fact]
    public void StringConstructor_UnknownPrefix_IsAccepted()
    {
        var act = () => new DataPulseClient("sk_someone_else_0123456789abcdef").Dispose();

        act.Should().NotThrow();
    }

    [Fact]
    public void UnknownPrefix_LogsOneWarningThatDoesNotQuoteTheKey()
    {
        const string key = "sk_someone_else_0123456789abcdef";
        using var logs = new LogCapture();
        var options = Valid();
        options.ApiKey = key;
        options.LoggerFactory = logs.Factory;

        using var client = new DataPulseClient(options);

        var warning = logs.Records.Should().ContainSingle(r => r.Id.Name == "UnknownKeyPrefix").Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.ShouldNotReveal(key, "the warning");
    }

    [Fact]
    public void KnownPrefix_LogsNoWarning()
    {
        using var logs = new LogCapture();
        var options = Valid();
        options.LoggerFactory = logs.Factory;

        using var client = new DataPulseClient(options);

        logs.Records.Should().NotContain(r => r.Id.Name == "UnknownKeyPrefix");
    }

    public static TheoryData<Action<DataPulseClientOptions>, string> InvalidOptions => new()
    {
        { o => o.MaxRetries = -1, "MaxRetries must be from 0 to 10; it is -1." },
        { o => o.MaxRetries = 11, "MaxRetries must be from 0 to 10; it is 11." },
        { o => o.MaxRetryAfter = TimeSpan.FromSeconds(-1), "MaxRetryAfter must be from zero to 1 day; it is -00:00:01." },
        { o => o.MaxRetryAfter = TimeSpan.FromDays(2), "MaxRetryAfter must be from zero to 1 day; it is 2.00:00:00." },
        { o => o.RetryBaseDelay = TimeSpan.FromSeconds(-1), "RetryBaseDelay must be from zero to 30 seconds; it is -00:00:01." },
        { o => o.RetryBaseDelay = TimeSpan.FromSeconds(31), "RetryBaseDelay must be from zero to 30 seconds; it is 00:00:31." },
        { o => o.Timeout = TimeSpan.Zero, "Timeout must be more than zero and at most 1 day; it is 00:00:00." },
        { o => o.Timeout = TimeSpan.FromDays(2), "Timeout must be more than zero and at most 1 day; it is 2.00:00:00." },
        { o => o.AttemptTimeout = TimeSpan.FromSeconds(-5), "AttemptTimeout must be more than zero and at most 1 day; it is -00:00:05." },
        { o => o.AttemptTimeout = TimeSpan.FromSeconds(200), "AttemptTimeout (00:03:20) must not be longer than Timeout (00:01:40)." },
        { o => o.TimeProvider = null!, "TimeProvider must not be null." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_BadResilienceSetting_MessageGivesTheAllowedRange(Action<DataPulseClientOptions> configure, string expected)
    {
        var options = new DataPulseClientOptions { ApiKey = ApiServer.ApiKey };
        configure(options);

        var build = () => new DataPulseClient(options);

        build.Should().Throw<ArgumentException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Constructor_ZeroMaxRetryAfterAndZeroBaseDelay_AreAccepted()
    {
        var build = () => new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, MaxRetryAfter = TimeSpan.Zero, RetryBaseDelay = TimeSpan.Zero });

        build.Should().NotThrow();
    }
}
