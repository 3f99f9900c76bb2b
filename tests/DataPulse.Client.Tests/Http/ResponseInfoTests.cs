using System.Net;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Http;

/// <summary><see cref="DataPulseResponseInfo"/> on real results: the answer's status and headers, read-only, without the key.</summary>
public sealed class ResponseInfoTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public ResponseInfoTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task Result_Response_HasTheStatusAndEveryHeaderIgnoringCase()
    {
        _api.StubJson("GET", "/v1/customers/cust_92f8a3b1", ContractExamples.CustomerProfile, headers: [("X-Trace-Id", "trc_h1"), ("X-Served-By", "edge-7")]);
        using var client = _api.CreateClient();

        var customer = await client.Customers.GetAsync("cust_92f8a3b1");

        customer.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        var headers = customer.Response.Headers;
        headers["x-served-by"].Should().Equal("edge-7");
        headers["X-TRACE-ID"].Should().Equal("trc_h1");
        headers["X-RateLimit-Remaining"].Should().Equal(ApiServerExtensions.RateLimitRemaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        headers["Content-Type"].Should().ContainSingle().Which.Should().StartWith("application/json");
    }

    [Fact]
    public async Task Result_ResponseHeaders_AreReadOnlyAndNeverTheRequests()
    {
        _api.StubJson("POST", "/v1/analytics/query", ContractExamples.QueryResult);
        using var client = _api.CreateClient();

        var result = await client.Analytics.QueryAsync(ContractExamples.QuerySql);

        result.Response.Headers.Should().NotContainKeys("Authorization", "Idempotency-Key", "User-Agent");
        if (result.Response.Headers is IDictionary<string, IReadOnlyList<string>> writable)
        {
            writable.Invoking(w => w.Add("X-Mine", ["1"])).Should().Throw<NotSupportedException>();
        }

        result.Response.Headers.Should().BeSameAs(result.Response.Headers, "copied once, then kept");
        string.Join(" ", result.Response.Headers.SelectMany(h => h.Value)).ShouldNotContainKey();
        result.Response.ToString().ShouldNotContainKey();
    }

    [Fact]
    public async Task Result_ServerEchoingTheKey_ItsHeadersCarryItScrubbed()
    {
        _api.StubJson("GET", "/v1/analytics/kpis", ContractExamples.KpiSummary, headers: ("X-Debug-Auth", "Bearer " + ApiServer.ApiKey));
        using var client = _api.CreateClient();

        var kpis = await client.Analytics.GetKpiSummaryAsync();

        kpis.Response.Headers["X-Debug-Auth"].Should().ContainSingle().Which.Should().StartWith("Bearer dp_test_sk_…");
        string.Join(" ", kpis.Response.Headers.SelectMany(h => h.Value)).ShouldNotContainKey();
    }

    [Fact]
    public async Task Result_OfAnAcceptedExport_HasStatus202()
    {
        await using var session = new SandboxSession();
        session.Sandbox.MakeExportsAsynchronous();
        using var client = session.CreateClient();

        await using var start = await client.Reports.StartExportAsync(new ReportExportRequest { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Csv });

        start.Pending!.Response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        start.Pending.Response.Headers.Should().ContainKey("Location");
    }

    [Fact]
    public void BuiltByHand_NoneHasNoHeaders_GivenHeadersAreCopiedIgnoringCase()
    {
        DataPulseResponseInfo.None.Headers.Should().BeEmpty();
        DataPulseResponseInfo.None.StatusCode.Should().Be((HttpStatusCode)0);

        var given = new Dictionary<string, IReadOnlyList<string>> { ["X-Trace-Id"] = ["trc_1"] };
        var info = new DataPulseResponseInfo { StatusCode = HttpStatusCode.OK, Headers = given };
        given["X-Other"] = ["later"];

        info.Headers["x-trace-id"].Should().Equal("trc_1");
        info.Headers.Should().ContainSingle("the info keeps a copy");
        (info with { TraceId = "trc_2" }).Headers.Should().BeSameAs(info.Headers);
    }

    [Fact]
    public void Equality_IsUnchangedByReadingTheHeaders()
    {
        var info = new DataPulseResponseInfo { StatusCode = HttpStatusCode.OK, TraceId = "trc_1" };
        var copy = info with { };

        _ = info.Headers;

        copy.Should().Be(info);
    }
}
