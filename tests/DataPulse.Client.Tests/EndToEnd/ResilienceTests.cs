using System.Net;
using DataPulse.Client.Analytics;
using DataPulse.Client.Testing;

namespace DataPulse.Client.Tests.EndToEnd;

public sealed class ResilienceTests : SandboxTest
{
    private const string Customer = "cust_92f8a3b1";

    [Fact]
    public async Task RateLimitedOnce_RetriesAfterRetryAfterOnTheClientsClockAndSucceeds()
    {
        Sandbox.RateLimitNextCalls(1, TimeSpan.FromSeconds(1));
        using var client = CreateClient();

        var call = client.Customers.GetAsync(Customer);
        await Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));

        call.IsCompleted.Should().BeFalse("the retry waits for the Retry-After on the client's clock, which has not moved");
        Calls().Should().Equal($"GET /v1/customers/{Customer} 429");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var customer = await call.WaitAsync(TimeSpan.FromSeconds(10));

        customer.CustomerId.Should().Be(Customer);
        Calls().Should().Equal($"GET /v1/customers/{Customer} 429", $"GET /v1/customers/{Customer} 200");
    }

    [Fact]
    public async Task RateLimitedBeyondMaxRetries_ThrowsRateLimitWithRetryAfter()
    {
        var maxRetries = new DataPulseClientOptions().MaxRetries;
        Sandbox.RateLimitNextCalls(maxRetries + 2, TimeSpan.FromSeconds(1));
        using var client = CreateClient();

        var act = () => DriveAsync(client.Customers.GetAsync(Customer));

        var thrown = (await act.Should().ThrowAsync<DataPulseRateLimitException>()).Which;
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        thrown.ErrorCode.Should().Be("rate_limit_exceeded");
        thrown.RateLimit.Remaining.Should().Be(0);
        Sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(Enumerable.Repeat(429, maxRetries + 1),
            "the first attempt and MaxRetries retries, then the SDK gives up");
    }

    [Fact]
    public async Task ServiceUnavailableTwice_IsRetriedAndSucceeds()
    {
        Sandbox.FailNextCalls(2, HttpStatusCode.ServiceUnavailable);
        using var client = CreateClient();

        var kpis = await DriveAsync(client.Analytics.GetKpiSummaryAsync());

        kpis.Revenue.Should().BePositive();
        Sandbox.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(503, 503, 200);
    }

    [Fact]
    public async Task InternalServerErrorOnAPost_IsRetriedWithTheSameIdempotencyKey()
    {
        Sandbox.FailNextCalls(1, HttpStatusCode.InternalServerError);
        using var client = CreateClient();

        var result = await DriveAsync(client.Analytics.QueryAsync(new QueryRequest { Sql = "SELECT COUNT(*) FROM transactions" }));

        result.Rows.Single().GetInt64("count").Should().Be(24);
        var requests = Sandbox.ReceivedRequests;
        requests.Select(r => $"{r.Method} {r.StatusCode}").Should().Equal("POST 500", "POST 200");
        var keys = requests.Select(IdempotencyKey).ToList();
        keys[0].Should().NotBeNullOrWhiteSpace("a POST without an Idempotency-Key must not be retried after a 500");
        keys[1].Should().Be(keys[0], "a retry is the same logical call");
    }

    [Fact]
    public async Task SeparatePosts_CarryDifferentIdempotencyKeys()
    {
        using var client = CreateClient();

        await client.Analytics.QueryAsync("SELECT COUNT(*) FROM transactions");
        await client.Analytics.QueryAsync("SELECT COUNT(*) FROM transactions");

        var keys = Sandbox.ReceivedRequests.Select(IdempotencyKey).ToList();
        keys.Should().OnlyHaveUniqueItems().And.NotContainNulls();
    }

    private static string? IdempotencyKey(SandboxRequest request) =>
        request.Headers.TryGetValue("Idempotency-Key", out var key) ? key : null;
}
