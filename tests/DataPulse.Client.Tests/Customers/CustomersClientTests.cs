using System.Text.Json;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Customers;

public sealed class CustomersClientTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public CustomersClientTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task GetAsync_CustomerId_SendsGetToItsPath()
    {
        _api.StubJson("GET", "/v1/customers/cust_92f8a3b1", ContractExamples.CustomerProfile);
        using var client = _api.CreateClient();

        await client.Customers.GetAsync("cust_92f8a3b1");

        SentRequest.Of(_api.SingleRequest())
            .HasMethod("GET")
            .HasPath("/v1/customers/cust_92f8a3b1")
            .HasNoQuery()
            .HasNoBody()
            .HasBearer(ApiServer.ApiKey)
            .HasUserAgent()
            .HasHeader("Accept", "application/json");
    }

    [Fact]
    public async Task GetAsync_ContractExample_MapsTheProfile()
    {
        _api.StubJson("GET", "/v1/customers/cust_92f8a3b1", ContractExamples.CustomerProfile);
        using var client = _api.CreateClient();

        var customer = await client.Customers.GetAsync("cust_92f8a3b1");

        customer.CustomerId.Should().Be("cust_92f8a3b1");
        customer.Segments.Should().Equal("high_value", "early_adopter");
        customer.LifetimeValue.Should().Be(4820.50m);
        customer.LastInteraction.Should().Be(new DateTimeOffset(2025, 1, 14, 16, 22, 0, TimeSpan.Zero));
        customer.ChurnProbability.Should().Be(0.12);
        customer.AdditionalFields.Should().BeEmpty();
    }

    [Fact]
    public async Task GetAsync_ExposesTraceIdAndRateLimit()
    {
        _api.StubJson("GET", "/v1/customers/cust_92f8a3b1", ContractExamples.CustomerProfile, headers: ("X-Trace-Id", "trc_customer_9"));
        using var client = _api.CreateClient();

        var customer = await client.Customers.GetAsync("cust_92f8a3b1");

        customer.Response.TraceId.Should().Be("trc_customer_9");
        customer.Response.RateLimit.Remaining.Should().Be(ApiServerExtensions.RateLimitRemaining);
        customer.Response.RateLimit.Limit.Should().Be(ApiServerExtensions.RateLimitLimit);
    }

    [Fact]
    public async Task GetAsync_UnknownFields_StayReachableInAdditionalFields()
    {
        _api.StubJson("GET", "/v1/customers/cust_1", """
            { "customer_id": "cust_1", "segments": [], "lifetime_value": 1, "last_interaction": null, "churn_probability": null,
              "engagement_score": 0.77, "favourite_channel": "email", "sessions_30d": { "web": 4, "app": 11 } }
            """);
        using var client = _api.CreateClient();

        var customer = await client.Customers.GetAsync("cust_1");

        customer.AdditionalFields.Keys.Should().BeEquivalentTo("engagement_score", "favourite_channel", "sessions_30d");
        customer.AdditionalFields["engagement_score"].GetDouble().Should().Be(0.77);
        customer.AdditionalFields["favourite_channel"].GetString().Should().Be("email");
        customer.AdditionalFields["sessions_30d"].GetProperty("app").GetInt32().Should().Be(11);
        customer.AdditionalFields.Should().NotContainKey("customer_id");
        customer.LastInteraction.Should().BeNull();
        customer.ChurnProbability.Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_ExternalId_ReachesTheServerAsOneEscapedSegment()
    {
        _api.StubAny(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody(ContractExamples.CustomerProfile));
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder);
        using var client = new DataPulseClient(http, _api.Options());

        await client.Customers.GetAsync("crm:42/a b");

        // On the wire: exactly one segment after /v1/customers/, every reserved character escaped once (not twice).
        recorder.Uris.Should().ContainSingle().Which.Should().EndWith("/v1/customers/crm%3A42%2Fa%20b");
        // WireMock shows the URL unescaped except for "%2F": the slash arrived escaped, so the server saw one segment.
        var received = _api.SingleRequest().RequestMessage;
        received.AbsoluteUrl.Should().EndWith("/v1/customers/crm:42%2Fa b", "the server must see the id as one segment; it saw {0}", received.AbsoluteUrl);
    }

    [Fact]
    public async Task GetAsync_ExternalIdWithPercentAndQueryCharacters_IsNotCutOrDoubleEscaped()
    {
        _api.StubAny(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithBody(ContractExamples.CustomerProfile));
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder);
        using var client = new DataPulseClient(http, _api.Options());

        await client.Customers.GetAsync("a?b#c%d");

        recorder.Uris.Should().ContainSingle().Which.Should().EndWith("/v1/customers/a%3Fb%23c%25d");
        _api.SingleRequest().RequestMessage.RawQuery.Should().BeNullOrEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task GetAsync_EmptyId_ThrowsAndSendsNothing(string id)
    {
        using var client = _api.CreateClient();

        var act = () => client.Customers.GetAsync(id);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("customerId");
        _api.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task GetAsync_UnknownId_ThrowsNotFound()
    {
        _api.StubJson("GET", "/v1/customers/cust_missing",
            ContractExamples.Error("not_found_error", "customer_not_found", "No customer cust_missing.", traceId: "trc_404"), 404);
        using var client = _api.CreateClient();

        var act = () => client.Customers.GetAsync("cust_missing");

        var thrown = (await act.Should().ThrowAsync<DataPulseNotFoundException>()).Which;
        thrown.ErrorCode.Should().Be("customer_not_found");
        thrown.Operation.Should().Be("Customers.Get");
    }

    [Fact]
    public async Task GetAsync_AdditionalFields_AreRawJson()
    {
        _api.StubJson("GET", "/v1/customers/cust_2", """{ "customer_id": "cust_2", "tags": ["a", "b"] }""");
        using var client = _api.CreateClient();

        var customer = await client.Customers.GetAsync("cust_2");

        customer.AdditionalFields["tags"].ValueKind.Should().Be(JsonValueKind.Array);
        customer.AdditionalFields["tags"].EnumerateArray().Select(e => e.GetString()).Should().Equal("a", "b");
    }

    [Theory]
    [InlineData("a%2Fb")]
    [InlineData("100%")]
    [InlineData("x?y#z")]
    [InlineData("plus+sign")]
    public async Task GetAsync_ExternalIdWithAnyCharacters_ReachesTheServerAsExactlyThatId(string id)
    {
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

        var act = () => client.Customers.GetAsync(id);

        var thrown = (await act.Should().ThrowAsync<DataPulseNotFoundException>()).Which;
        thrown.ErrorCode.Should().Be("customer_not_found");
        thrown.Message.Should().Contain($"'{id}'", "the server must look up the id the caller passed, not a re-decoded one");
        session.Calls().Should().Equal($"GET /v1/customers/{id} 404");
    }
}
