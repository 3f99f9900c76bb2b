using System.Globalization;
using DataPulse.Client.Http;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Tests.Http;

/// <summary>How an answer's <c>X-RateLimit-*</c> headers are read: as hints, on this machine's clock.</summary>
public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 8, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void UnixSecondsReset_IsReadAsADate()
    {
        Read(("X-RateLimit-Limit", "100"), ("X-RateLimit-Remaining", "42"), ("X-RateLimit-Reset", Unix(Now.AddSeconds(7))))
            .Should().Be(new RateLimitInfo { Limit = 100, Remaining = 42, ResetsAt = Now.AddSeconds(7) });
    }

    [Fact]
    public void DeltaSecondsReset_IsSecondsFromNow()
    {
        Read(("X-RateLimit-Reset", "7")).ResetsAt.Should().Be(Now.AddSeconds(7));
    }

    [Fact]
    public void DecimalUnixReset_KeepsItsFraction()
    {
        Read(("X-RateLimit-Reset", Unix(Now) + ".25")).ResetsAt.Should().Be(Now.AddMilliseconds(250));
    }

    [Fact]
    public void DecimalDeltaReset_KeepsItsFraction()
    {
        Read(("X-RateLimit-Reset", "0.5")).ResetsAt.Should().Be(Now.AddMilliseconds(500));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    public void MalformedOrNegativeReset_IsLeftOut(string reset)
    {
        var window = Read(("X-RateLimit-Remaining", "5"), ("X-RateLimit-Reset", reset));

        window.ResetsAt.Should().BeNull();
        window.Remaining.Should().Be(5);
    }

    [Fact]
    public void ResetInThePast_IsKeptAsSent()
    {
        Read(("X-RateLimit-Remaining", "5"), ("X-RateLimit-Reset", Unix(Now.AddSeconds(-30)))).ResetsAt.Should().Be(Now.AddSeconds(-30));
    }

    [Fact]
    public void RemainingAboveLimit_IsLeftOut()
    {
        var window = Read(("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "11"));

        window.Remaining.Should().BeNull();
        window.Limit.Should().Be(10);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("4.5")]
    [InlineData("many")]
    public void MalformedOrNegativeCount_IsLeftOut(string remaining)
    {
        Read(("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", remaining)).Remaining.Should().BeNull();
    }

    [Fact]
    public void NothingReadable_IsNone()
    {
        Read(("X-RateLimit-Remaining", "lots"), ("X-RateLimit-Reset", "-1")).Should().BeSameAs(RateLimitInfo.None);
    }

    [Fact]
    public void ServerClockWithinFiveSeconds_ResetIsTakenAsSent()
    {
        Read(Now.AddSeconds(-3), ("X-RateLimit-Reset", Unix(Now.AddSeconds(7)))).ResetsAt.Should().Be(Now.AddSeconds(7));
    }

    [Fact]
    public void ServerClockAnHourAhead_ResetIsMovedOntoTheLocalClock()
    {
        var serverNow = Now.AddHours(1);

        Read(serverNow, ("X-RateLimit-Reset", Unix(serverNow.AddSeconds(7)))).ResetsAt.Should().Be(Now.AddSeconds(7));
    }

    [Fact]
    public void DeltaReset_IsNotMovedByTheServerClock()
    {
        Read(Now.AddHours(1), ("X-RateLimit-Reset", "7")).ResetsAt.Should().Be(Now.AddSeconds(7));
    }

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private RateLimitInfo Read(params (string Name, string Value)[] headers) => Read(null, headers);

    private RateLimitInfo Read(DateTimeOffset? date, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        response.Headers.Date = date;
        return ResponseHeaderReader.ReadRateLimit(response.Headers, _clock);
    }
}
