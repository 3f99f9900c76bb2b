using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Errors;

/// <summary>
/// What an error exception carries beyond the body fields: a 503's Retry-After when it was not waited out, and
/// headers and bodies with every echo of the key redacted, whatever the key's length.
/// </summary>
public sealed class ScrubbingAndRetryAfterTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task ServiceUnavailable_RetryAfterAboveTheLimit_IsCarriedByTheServerException()
    {
        _api.StubJson("GET", "/v1/customers/cust_1", """{ "error": { "type": "api_error", "message": "maintenance" } }""", 503, ("Retry-After", "120"));
        using var client = _api.CreateClient(o => o.MaxRetryAfter = TimeSpan.FromSeconds(60));

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseServerException>()).Which;

        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(120));
        _api.Requests.Should().ContainSingle("a wait above MaxRetryAfter is not waited out");
    }

    [Fact]
    public async Task InternalServerError_WithoutRetryAfter_HasNoRetryAfter()
    {
        _api.StubJson("GET", "/v1/customers/cust_1", """{ "error": { "type": "api_error" } }""", 500);
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseServerException>())
            .Which.RetryAfter.Should().BeNull();
    }

    [Fact]
    public async Task ShortKey_EchoedInTheBody_IsScrubbedFromResponseBodyAndMessage()
    {
        const string shortKey = "k3y";
        _api.StubJson("GET", "/v1/customers/cust_1", """{ "error": { "type": "authentication_error", "message": "invalid key k3y" } }""", 401);
        using var client = _api.CreateClient(o => o.ApiKey = shortKey);

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseAuthenticationException>()).Which;

        thrown.ResponseBody.Should().NotContain(shortKey);
        thrown.Message.Should().NotContain(shortKey);
    }

    [Fact]
    public async Task KeyEchoedInAResponseHeader_IsScrubbedFromResponseHeaders()
    {
        _api.StubJson("GET", "/v1/customers/cust_1", """{ "error": { "type": "authentication_error" } }""", 401, ("X-Echo", "Bearer " + ApiServer.ApiKey));
        using var client = _api.CreateClient();

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseAuthenticationException>()).Which;

        thrown.ResponseHeaders.Should().ContainKey("X-Echo");
        string.Join(" ", thrown.ResponseHeaders["X-Echo"]).ShouldNotReveal(ApiServer.ApiKey, "the X-Echo header");
    }
}
