using DataPulse.Client.Telemetry;
using DataPulse.Client.Pipeline;
using DataPulse.Client.RateLimiting;
using DataPulse.Client.Http;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>No answer, or half an answer: refused connections, resets mid-response, downloads that break off.</summary>
public sealed class TransportFailureTests
{
    private const string Json = "application/json";

    [Fact]
    public async Task ConnectionRefused_OnGet_IsRetriedThenThrowsConnectionException()
    {
        using var transport = new CountingHandler();
        using var http = new HttpClient(transport);
        using var client = new DataPulseClient(http, Options(ScriptedServer.ClosedPort(), maxRetries: 2));

        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseConnectionException>();

        transport.Sends.Should().Be(3);
    }

    [Fact]
    public async Task ConnectionRefused_OnPostWithIdempotencyKey_IsRetried()
    {
        using var transport = new CountingHandler();
        using var http = new HttpClient(transport);
        using var client = new DataPulseClient(http, Options(ScriptedServer.ClosedPort(), maxRetries: 2));

        await client.Invoking(c => c.Analytics.QueryAsync("SELECT 1")).Should().ThrowAsync<DataPulseConnectionException>();

        transport.Sends.Should().Be(3);
    }

    [Fact]
    public async Task ConnectionRefused_OnPostWithoutIdempotencyKey_IsSentOnce()
    {
        var transport = new CountingHandler();
        var options = Options(ScriptedServer.ClosedPort(), maxRetries: 2);
        using var http = CallPipeline.Create(options, ApiKeyProvider.Fixed(ApiServer.ApiKey), NullLogger.Instance, DataPulseMetrics.Default, new Transport.Handler(transport, ownsHandler: true), new RateLimitRegistry());

        var send = () => http.PostAsync(new Uri("v1/analytics/query", UriKind.Relative), new StringContent("{}"));

        await send.Should().ThrowAsync<DataPulseConnectionException>();
        transport.Sends.Should().Be(1);
    }

    [Fact]
    public async Task ConnectionReset_MidResponse_ThrowsConnectionException()
    {
        await using var server = new ScriptedServer(ScriptedServer.Respond(
            $"HTTP/1.1 200 OK\r\nContent-Type: {Json}\r\nContent-Length: 500\r\n\r\n", """{ "customer_id": "cu"""));
        using var client = new DataPulseClient(Options(server.BaseAddress, maxRetries: 0));

        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseConnectionException>();
    }

    [Fact]
    public async Task ConnectionReset_MidJsonResponse_OnGet_IsRetried()
    {
        await using var server = new ScriptedServer(ScriptedServer.Respond(
            $"HTTP/1.1 200 OK\r\nContent-Type: {Json}\r\nContent-Length: 500\r\n\r\n", """{ "customer_id": "cu"""));
        using var client = new DataPulseClient(Options(server.BaseAddress, maxRetries: 2));

        await client.Invoking(c => c.Customers.GetAsync("cust_1")).Should().ThrowAsync<DataPulseConnectionException>();

        server.Requests.Should().Be(3);
    }

    [Fact]
    public async Task Download_BodyBreaksOffAfterStreamingStarted_IsNotRetried()
    {
        await using var server = new ScriptedServer(ScriptedServer.Respond(
            "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 1000\r\n\r\n", "region,revenue\nEMEA,1\n"));
        using var client = new DataPulseClient(Options(server.BaseAddress, maxRetries: 3));

        using var file = await client.Reports.ExportAsync(new ReportExportRequest { TemplateId = "tmpl_1", Format = ReportFormat.Csv });
        using var destination = new MemoryStream();

        await file.Invoking(f => f.CopyToAsync(destination)).Should().ThrowAsync<DataPulseConnectionException>();
        server.Requests.Should().Be(1);
    }

    private static DataPulseClientOptions Options(Uri baseAddress, int maxRetries) => TestOptions.For(baseAddress, o => o.MaxRetries = maxRetries);

    /// <summary>The real transport, counting every attempt that reaches it.</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _sends;

        public int Sends => Volatile.Read(ref _sends);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sends);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
