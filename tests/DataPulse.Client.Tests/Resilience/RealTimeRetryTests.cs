using System.Diagnostics;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>End to end on the real clock: the system TimeProvider and Polly's real delays honour <c>Retry-After: 1</c>.</summary>
public sealed class RealTimeRetryTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public RealTimeRetryTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task RateLimited_RetryAfterOneSecond_RetriesAfterAboutOneSecondAndSucceeds()
    {
        CannedResponses.CustomerFailsThenSucceeds(_api, CannedResponses.Error(429, "1"), failures: 1);
        using var client = _api.CreateClient();

        var profile = await client.Customers.GetAsync("cust_1");

        profile.CustomerId.Should().Be("cust_1");
        var requests = _api.Requests.OrderBy(r => r.RequestMessage.DateTime).ToList();
        requests.Should().HaveCount(2);
        (requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime).Should()
            .BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)).And.BeLessThan(TimeSpan.FromSeconds(4), "a loaded CI machine may be slow, but not three seconds late");
    }

    [Fact]
    public async Task ServiceUnavailable_OnPost_RetryAfterOneSecond_RetriesWithTheSameIdempotencyKey()
    {
        var scenario = Guid.NewGuid().ToString("N");
        _api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(CannedResponses.QueryPath).UsingPost())
            .AtPriority(2).InScenario(scenario).WillSetStateTo("ok", 1).RespondWith(CannedResponses.Error(503, "1"));
        _api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(CannedResponses.QueryPath).UsingPost())
            .AtPriority(1).InScenario(scenario).WhenStateIs("ok").RespondWith(CannedResponses.Query());
        using var client = _api.CreateClient();

        var clock = Stopwatch.StartNew();
        await client.Analytics.QueryAsync("SELECT 1");

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        _api.Requests.Select(r => r.RequestMessage.Headers!["Idempotency-Key"].Single()).Distinct().Should().ContainSingle();
        _api.Requests.Should().HaveCount(2);
    }
}
