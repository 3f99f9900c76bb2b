using DataPulse.Client.Analytics;
using DataPulse.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DataPulse.Client.Testing.Tests;

// The README's "Testing your code against DataPulse" example, kept here so that it compiles and passes.
public sealed class ReadmeSnippetTests
{
    [Fact]
    public async Task RevenueReport_UsesRetailKpis()
    {
        await using var sandbox = DataPulseSandbox.Start();
        using var client = sandbox.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);

        Assert.Equal(2_845_000m, kpis.Revenue);
        Assert.Contains(sandbox.ReceivedRequests, r => r.Path == "/v1/analytics/kpis" && r.Query["vertical"] == "retail");
    }

    [Fact]
    public async Task EnforcedRateLimit_TheThirdCallWaitsForTheNextWindow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero));
        await using var sandbox = DataPulseSandbox.Start(new DataPulseSandboxOptions
        {
            EnforcedRateLimit = new SandboxRateLimit(PermitLimit: 2, Window: TimeSpan.FromSeconds(10)),
            TimeProvider = clock,
        });
        using var client = sandbox.CreateClient(); // on the sandbox's clock

        await client.Customers.GetAsync("cust_92f8a3b1");
        await client.Customers.GetAsync("cust_92f8a3b1");
        var third = client.Customers.GetAsync("cust_92f8a3b1"); // the window is spent: held, not sent

        clock.Advance(TimeSpan.FromSeconds(10)); // the next window
        await third;
        Assert.DoesNotContain(sandbox.ReceivedRequests, r => r.StatusCode == 429);

        // To see your own code handle a 429, ask for one: the next call is refused, whatever the client paces.
        sandbox.RateLimitNextCalls(1, TimeSpan.FromSeconds(90));
        var limited = await Assert.ThrowsAsync<DataPulseRateLimitException>(() => client.Customers.GetAsync("cust_92f8a3b1"));
        Assert.Equal(TimeSpan.FromSeconds(90), limited.RetryAfter);
    }
}
