using DataPulse.Client.RateLimiting;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>How an answer's reset is read against this machine's clock.</summary>
public sealed class ServerWindowRateLimiterTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ServerClockWithinFiveSeconds_ResetIsTakenAsSent()
    {
        var window = new RateLimitInfo { Limit = 100, Remaining = 0, ResetsAt = Now.AddSeconds(7) };

        ServerWindowRateLimiter.OnLocalClock(window, Now.AddSeconds(-3), Now).Should().Be(window);
    }

    [Fact]
    public void ServerClockAnHourAhead_ResetIsMovedOntoTheLocalClock()
    {
        var serverNow = Now.AddHours(1);
        var window = new RateLimitInfo { Limit = 100, Remaining = 0, ResetsAt = serverNow.AddSeconds(7) };

        ServerWindowRateLimiter.OnLocalClock(window, serverNow, Now).ResetsAt.Should().Be(Now.AddSeconds(7));
    }
}
