using DataPulse.Client.Analytics;
using DataPulse.Client.Testing;

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
}
