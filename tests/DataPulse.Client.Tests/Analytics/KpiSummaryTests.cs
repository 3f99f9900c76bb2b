using DataPulse.Client.Analytics;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Analytics;

public sealed class KpiSummaryTests : IClassFixture<ApiServer>
{
    private const string Path = "/v1/analytics/kpis";
    private readonly ApiServer _api;

    public KpiSummaryTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task GetKpiSummaryAsync_PeriodAndVertical_SendsGetWithBothInQuery()
    {
        _api.StubJson("GET", Path, ContractExamples.KpiSummary);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);

        SentRequest.Of(_api.SingleRequest())
            .HasMethod("GET")
            .HasPath(Path)
            .HasQuery(("period", "30d"), ("vertical", "retail"))
            .HasNoBody();
    }

    [Fact]
    public async Task GetKpiSummaryAsync_NoPeriodOrVertical_SendsNoQuery()
    {
        _api.StubJson("GET", Path, ContractExamples.KpiSummary);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        SentRequest.Of(_api.SingleRequest()).HasMethod("GET").HasPath(Path).HasNoQuery();
    }

    [Fact]
    public async Task GetKpiSummaryAsync_OnlyVertical_SendsOnlyVertical()
    {
        _api.StubJson("GET", Path, ContractExamples.KpiSummary);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync(vertical: Vertical.Saas);

        SentRequest.Of(_api.SingleRequest()).HasQuery(("vertical", "saas"));
    }

    [Fact]
    public async Task GetKpiSummaryAsync_OnlyPeriod_SendsOnlyPeriod()
    {
        _api.StubJson("GET", Path, ContractExamples.KpiSummary);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync(KpiPeriod.OneYear);

        SentRequest.Of(_api.SingleRequest()).HasQuery(("period", "1y"));
    }

    [Fact]
    public async Task GetKpiSummaryAsync_SendsBearerUserAgentAndAccept()
    {
        _api.StubJson("GET", Path, ContractExamples.KpiSummary);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        SentRequest.Of(_api.SingleRequest())
            .HasBearer(ApiServer.ApiKey)
            .HasUserAgent()
            .HasHeader("Accept", "application/json");
    }

    [Fact]
    public async Task GetKpiSummaryAsync_SendsNoIdempotencyKey()
    {
        _api.StubJson("GET", Path, ContractExamples.KpiSummary);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        SentRequest.Of(_api.SingleRequest()).Header("Idempotency-Key").Should().BeNull("a GET is safe to repeat and needs no key");
    }

    [Fact]
    public async Task GetKpiSummaryAsync_ContractExample_MapsEveryFigure()
    {
        _api.StubJson("GET", Path, ContractExamples.KpiSummary);
        using var client = _api.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail);

        kpis.Revenue.Should().Be(2845000m);
        kpis.ActiveUsers.Should().Be(18420);
        kpis.ConversionRate.Should().Be(0.042);
        kpis.ChurnRisk.Should().Be(ChurnRisk.Low);
        kpis.Trend.Should().Be(Trend.Upward);
        kpis.Period.Should().Be(KpiPeriod.ThirtyDays);
        kpis.Meta.GeneratedAt.Should().Be(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero));
        kpis.Meta.CacheHit.Should().BeTrue();
    }

    [Fact]
    public async Task GetKpiSummaryAsync_RevenueWithMoreDigitsThanADouble_KeepsItExact()
    {
        _api.StubJson("GET", Path, """
            { "data": { "revenue": 1234567890123.4567, "active_users": 1, "conversion_rate": 0.5,
                        "churn_risk": "high", "trend": "downward", "period": "7d" },
              "meta": { "generated_at": "2025-01-15T08:30:00Z", "cache_hit": false } }
            """);
        using var client = _api.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync();

        kpis.Revenue.Should().Be(1234567890123.4567m);
        kpis.Meta.CacheHit.Should().BeFalse();
        kpis.ChurnRisk.Should().Be(ChurnRisk.High);
        kpis.Trend.Should().Be(Trend.Downward);
        kpis.Period.Should().Be(KpiPeriod.SevenDays);
    }

    [Fact]
    public async Task GetKpiSummaryAsync_ExposesTraceIdAndRateLimit()
    {
        _api.StubJson("GET", Path, ContractExamples.KpiSummary);
        using var client = _api.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync();

        kpis.Response.TraceId.Should().Be(ApiServerExtensions.TraceId);
        kpis.Response.RateLimit.Limit.Should().Be(ApiServerExtensions.RateLimitLimit);
        kpis.Response.RateLimit.Remaining.Should().Be(ApiServerExtensions.RateLimitRemaining);
        kpis.Response.RateLimit.ResetsAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(ApiServerExtensions.RateLimitReset));
    }

    [Fact]
    public async Task GetKpiSummaryAsync_UnknownChurnRiskTrendAndPeriod_KeepsTheirValues()
    {
        _api.StubJson("GET", Path, """
            { "data": { "revenue": 1, "active_users": 1, "conversion_rate": 0.1,
                        "churn_risk": "critical", "trend": "sideways", "period": "2y" },
              "meta": { "generated_at": "2025-01-15T08:30:00Z", "cache_hit": true } }
            """);
        using var client = _api.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync();

        kpis.ChurnRisk.Value.Should().Be("critical");
        kpis.ChurnRisk.Should().Be(new ChurnRisk("critical"));
        kpis.ChurnRisk.Should().NotBe(ChurnRisk.High);
        kpis.Trend.Value.Should().Be("sideways");
        kpis.Trend.Should().NotBe(Trend.Flat);
        kpis.Period.Value.Should().Be("2y");
        kpis.Period.Should().NotBe(KpiPeriod.OneYear);
    }
}
