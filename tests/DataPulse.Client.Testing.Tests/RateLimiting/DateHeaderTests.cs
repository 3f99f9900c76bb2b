using DataPulse.Client.Testing;
using DataPulse.Client.Testing.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Testing.Tests.RateLimiting;

/// <summary>The sandbox dates its answers on its own clock, as it dates its rate-limit resets.</summary>
public sealed class DateHeaderTests : SandboxTests
{
    private static readonly DateTimeOffset Then = new(2025, 1, 15, 8, 30, 0, TimeSpan.Zero);

    public DateHeaderTests()
        : base(new DataPulseSandboxOptions { TimeProvider = new FakeTimeProvider(Then) })
    {
    }

    [Fact]
    public async Task Answer_IsDatedOnTheSandboxClock()
    {
        using var http = Http();

        using var answer = await http.GetAsync("v1/customers/cust_92f8a3b1");

        answer.Headers.Date.Should().Be(Then, "a client correcting clock skew compares the reset with this date");
    }
}
