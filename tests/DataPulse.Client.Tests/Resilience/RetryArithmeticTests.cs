using System.Globalization;
using DataPulse.Client.Http;
using DataPulse.Client.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>Table and seeded-loop tests for Retry-After parsing and the backoff bounds.</summary>
public sealed class RetryArithmeticTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 8, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("120", 120)]
    [InlineData("86400", 86400)]
    public void RetryAfter_DeltaSeconds_IsThatWait(string header, int seconds) =>
        Read(header).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("Wed, 15 Jan 2025 08:30:07 GMT", 7)]
    [InlineData("Wed, 15 Jan 2025 09:30:00 GMT", 3600)]
    [InlineData("Wed, 15 Jan 2025 08:30:00 GMT", 0)]
    public void RetryAfter_DateInTheFuture_IsMeasuredAgainstTheInjectedClock(string header, int seconds) =>
        Read(header).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("Wed, 15 Jan 2025 08:29:59 GMT")]
    [InlineData("Tue, 14 Jan 2025 08:30:00 GMT")]
    [InlineData("Thu, 01 Jan 1970 00:00:00 GMT")]
    public void RetryAfter_DateInThePast_IsZeroNeverNegative(string header) =>
        Read(header).Should().Be(TimeSpan.Zero);

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("15 Jan 2025")]
    public void RetryAfter_Garbage_IsNull(string header) =>
        Read(header).Should().BeNull();

    [Fact]
    public void RetryAfter_Absent_IsNull()
    {
        using var response = new HttpResponseMessage();
        ResponseHeaderReader.ReadRetryAfter(response.Headers, new FakeTimeProvider(Now)).Should().BeNull();
    }

    [Theory]
    [InlineData(0, 1, 0.5, 1)]
    [InlineData(1, 1, 1, 2)]
    [InlineData(2, 1, 2, 4)]
    [InlineData(4, 1, 8, 16)]
    [InlineData(5, 1, 15, 30)]
    [InlineData(40, 1, 15, 30)]
    [InlineData(0, 30, 15, 30)]
    [InlineData(3, 0, 0, 0)]
    public void Backoff_RetryN_IsBetweenHalfAndAllOfTheCappedExponential(int retryIndex, double baseSeconds, double minSeconds, double maxSeconds)
    {
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            var delay = RetryBackoff.Delay(retryIndex, TimeSpan.FromSeconds(baseSeconds), TimeSpan.FromSeconds(30), random.NextDouble());
            delay.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(minSeconds)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(maxSeconds));
        }
    }

    [Theory]
    [InlineData(0.0, 500)]
    [InlineData(0.5, 750)]
    [InlineData(0.999999, 1000)]
    public void Backoff_Jitter_SpansHalfToAllOfTheCeiling(double random, int expectedMilliseconds) =>
        RetryBackoff.Delay(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), random).TotalMilliseconds.Should().BeApproximately(expectedMilliseconds, 1);

    [Fact]
    public void Backoff_SeededLoop_NeverExceedsTheCapAndNeverGoesNegative()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var delay = RetryBackoff.Delay(random.Next(0, 64), TimeSpan.FromMilliseconds(random.Next(0, 30_001)), DataPulseClientOptions.MaxBackoffDelay, random.NextDouble());
            delay.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThanOrEqualTo(DataPulseClientOptions.MaxBackoffDelay);
        }
    }

    private static TimeSpan? Read(string header)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", header);
        return ResponseHeaderReader.ReadRetryAfter(response.Headers, new FakeTimeProvider(Now));
    }
}
