using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>Each resilience option, when invalid, fails construction with a message naming it and its allowed range.</summary>
public sealed class ResilienceOptionsValidationTests
{
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
    public void InvalidResilienceOption_FailsWithAMessageNamingIt(Action<DataPulseClientOptions> configure, string expected)
    {
        var options = new DataPulseClientOptions { ApiKey = ApiServer.ApiKey };
        configure(options);

        var build = () => new DataPulseClient(options);

        build.Should().Throw<ArgumentException>().Which.Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void MaxRetries_Bounds_AreAccepted(int maxRetries)
    {
        var build = () => new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, MaxRetries = maxRetries });

        build.Should().NotThrow();
    }

    [Fact]
    public void ZeroMaxRetryAfterAndZeroBaseDelay_AreAccepted()
    {
        var build = () => new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, MaxRetryAfter = TimeSpan.Zero, RetryBaseDelay = TimeSpan.Zero });

        build.Should().NotThrow();
    }

    [Fact]
    public void SeveralInvalidOptions_AreAllNamedInOneMessage()
    {
        var build = () => new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, MaxRetries = -1, RetryBaseDelay = TimeSpan.FromMinutes(1) });

        build.Should().Throw<ArgumentException>().Which.Message.Should().Contain("MaxRetries").And.Contain("RetryBaseDelay");
    }
}
