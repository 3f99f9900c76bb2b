using DataPulse.Client.Testing;
using DataPulse.Client.Testing.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Testing.Tests.RateLimiting;

/// <summary>Without an enforced limit: the headers describe <c>RateLimitPerMinute</c> and nothing is refused.</summary>
public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 8, 30, 10, TimeSpan.Zero);

    [Fact]
    public async Task EveryResponse_CarriesTheDefaultRateLimitHeaders()
    {
        await using var sandbox = DataPulseSandbox.Start();
        using var client = sandbox.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync();

        kpis.Response.RateLimit.Limit.Should().Be(1000);
        kpis.Response.RateLimit.Remaining.Should().Be(999);
        kpis.Response.RateLimit.ResetsAt.Should().NotBeNull();
    }

    [Fact]
    public async Task RateLimitPerMinute_IsCountedButNeverEnforced()
    {
        await using var sandbox = DataPulseSandbox.Start(new DataPulseSandboxOptions { RateLimitPerMinute = 2, TimeProvider = new FakeTimeProvider(Now) });
        using var http = SandboxHttp.Client(sandbox, sandbox.ApiKey);

        var remaining = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync("v1/customers/cust_92f8a3b1");
            response.IsSuccessStatusCode.Should().BeTrue();
            remaining.Add(response.HeaderNumber("X-RateLimit-Remaining"));
            response.HeaderNumber("X-RateLimit-Reset").Should().Be(Now.AddSeconds(50).ToUnixTimeSeconds());
        }

        remaining.Should().Equal(1, 0, 0);
    }

    [Fact]
    public async Task RateLimitPerMinute_IsOneWindowForEveryKey()
    {
        await using var sandbox = DataPulseSandbox.Start(new DataPulseSandboxOptions { RateLimitPerMinute = 10, TimeProvider = new FakeTimeProvider(Now) });
        using var full = SandboxHttp.Client(sandbox, sandbox.ApiKey);
        using var readOnly = SandboxHttp.Client(sandbox, sandbox.ReadOnlyApiKey);

        using var first = await full.GetAsync("v1/analytics/kpis");
        using var second = await readOnly.GetAsync("v1/analytics/kpis");

        second.HeaderNumber("X-RateLimit-Remaining").Should().Be(8);
    }
}
