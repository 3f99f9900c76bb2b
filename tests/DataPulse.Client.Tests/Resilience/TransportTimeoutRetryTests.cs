using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>
/// A transport limit (the connect timeout, a caller HttpClient's Timeout) means no answer arrived: retried like a
/// connection failure for calls that are safe to repeat, and reported as a Transport timeout.
/// </summary>
public sealed class TransportTimeoutRetryTests
{
    [Fact]
    public async Task CallerHttpClientTimeout_OnGet_IsRetriedThenThrowsTransportTimeout()
    {
        using var server = new RawHttpServer(string.Empty, bodyDelay: TimeSpan.FromMinutes(5));
        var attempts = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(attempts) { Timeout = TimeSpan.FromMilliseconds(200) };
        using var client = new DataPulseClient(http, new DataPulseClientOptions
        {
            ApiKey = ApiServer.ApiKey,
            BaseAddress = server.BaseAddress,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.Zero,
        });

        var thrown = (await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseTimeoutException>()).Which;

        thrown.Kind.Should().Be(DataPulseTimeoutKind.Transport);
        attempts.Count.Should().Be(3, "a GET is safe to repeat, so each transport timeout is retried");
    }

    [Fact]
    public async Task CallerCancellation_IsNotMistakenForATransportTimeout_AndNotRetried()
    {
        using var server = new RawHttpServer(string.Empty, bodyDelay: TimeSpan.FromMinutes(5));
        using var client = new DataPulseClient(new DataPulseClientOptions
        {
            ApiKey = ApiServer.ApiKey,
            BaseAddress = server.BaseAddress,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.Zero,
        });
        using var cancellation = new CancellationTokenSource();

        var call = client.Customers.GetAsync("cust_1", cancellation.Token);
        // Cancel only once the request is on the server, so the count below cannot race the first attempt.
        while (server.Requests == 0 && !call.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        await cancellation.CancelAsync();

        await call.WaitAsync(TimeSpan.FromSeconds(5)).Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        server.Requests.Should().Be(1);
    }

    /// <summary>Counts attempts where they leave the client, so a slow server cannot make the count race.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
