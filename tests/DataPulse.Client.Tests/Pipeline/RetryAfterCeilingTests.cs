using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary>A Retry-After of any size above MaxRetryAfter throws at once, like any other over the ceiling.</summary>
public sealed class RetryAfterCeilingTests
{
    [Theory]
    [InlineData("99999999999999")]
    [InlineData("18446744073709551616")]
    public async Task HugeRetryAfter_ThrowsRateLimitAtOnce_WithoutRetrying(string retryAfter)
    {
        await using var server = new ScriptedServer((stream, _, ct) => ScriptedServer.SendAsync(
            stream, $"HTTP/1.1 429 Too Many Requests\r\nRetry-After: {retryAfter}\r\nContent-Length: 0\r\nConnection: close", string.Empty, ct));
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = server.BaseAddress, MaxRetries = 3 });

        var thrown = await client.Customers.Invoking(c => c.GetAsync("cust_1")).Should().ThrowAsync<DataPulseRateLimitException>().WaitAsync(TimeSpan.FromSeconds(10));

        thrown.Which.RetryAfter.Should().BeGreaterThan(TimeSpan.FromDays(365));
        server.Received.Should().ContainSingle();
    }
}
