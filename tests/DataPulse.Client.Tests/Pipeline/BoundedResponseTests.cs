using System.Diagnostics;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary>Every call ends within its Timeout and within its memory cap, whatever the server sends and however slowly.</summary>
public sealed class BoundedResponseTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    public static TheoryData<string?> MediaTypes => new() { "application/json", "text/plain", null, "application/pdf", "text/html; charset=utf-8" };

    private static DataPulseClient Client(ScriptedServer server, int maxRetries = 0, int? maxBuffer = null) => new(new DataPulseClientOptions
    {
        ApiKey = ApiServer.ApiKey,
        BaseAddress = server.BaseAddress,
        Timeout = CallTimeout,
        AttemptTimeout = TimeSpan.FromSeconds(1),
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.Zero,
        MaxResponseBufferSize = maxBuffer ?? DataPulseClientOptions.DefaultMaxResponseBufferSize,
    });

    private static string Head(string? mediaType, string length = "Content-Length: 1000") =>
        "HTTP/1.1 200 OK\r\n" + (mediaType is null ? string.Empty : $"Content-Type: {mediaType}\r\n") + length;

    private static async Task<(Exception Thrown, TimeSpan Took)> TimeCallAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        var thrown = await call.Should().ThrowAsync<Exception>().WaitAsync(TimeSpan.FromSeconds(20));
        return (thrown.Which, watch.Elapsed);
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task StalledBody_OfAnyMediaType_EndsWithinTheTimeout(string? mediaType)
    {
        await using var server = new ScriptedServer(ScriptedServer.Stall(Head(mediaType)));
        using var client = Client(server);

        var (thrown, took) = await TimeCallAsync(() => client.Customers.GetAsync("cust_1"));

        thrown.Should().BeOfType<DataPulseTimeoutException>();
        took.Should().BeLessThan(CallTimeout + TimeSpan.FromSeconds(3));
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task TricklingBody_OfAnyMediaType_EndsWithinTheTimeout(string? mediaType)
    {
        await using var server = new ScriptedServer(ScriptedServer.Trickle(Head(mediaType, "Transfer-Encoding: identity\r\nConnection: close"), TimeSpan.FromMilliseconds(50)));
        using var client = Client(server);

        var (thrown, took) = await TimeCallAsync(() => client.Analytics.GetKpiSummaryAsync());

        thrown.Should().BeOfType<DataPulseTimeoutException>();
        took.Should().BeLessThan(CallTimeout + TimeSpan.FromSeconds(3));
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task EndlessBody_OfAnyMediaType_FailsAtTheCap_AndIsNotRetried(string? mediaType)
    {
        await using var server = new ScriptedServer(ScriptedServer.Endless(Head(mediaType, "Connection: close")));
        using var client = Client(server, maxRetries: 3, maxBuffer: 1024 * 1024);

        var (thrown, _) = await TimeCallAsync(() => client.Customers.GetAsync("cust_1"));

        thrown.Should().BeOfType<DataPulseException>().Which.Message.Should().Contain("MaxResponseBufferSize");
        server.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task DeclaredLengthOverTheCap_FailsBeforeReadingTheBody()
    {
        await using var server = new ScriptedServer(ScriptedServer.Stall(Head("application/json", "Content-Length: 5000000000")));
        using var client = Client(server, maxBuffer: 1024 * 1024);

        var (thrown, took) = await TimeCallAsync(() => client.Customers.GetAsync("cust_1"));

        thrown.Should().BeOfType<DataPulseException>().Which.Message.Should().Contain("Content-Length 5,000,000,000");
        took.Should().BeLessThan(TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task StalledErrorBody_StillEndsWithinTheTimeout_AsTheStatusException()
    {
        await using var server = new ScriptedServer(ScriptedServer.Stall("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 100"));
        using var client = Client(server);

        var (thrown, took) = await TimeCallAsync(() => client.Customers.GetAsync("cust_1"));

        thrown.Should().BeOfType<DataPulseNotFoundException>();
        took.Should().BeLessThan(CallTimeout + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ExportAnsweredAsJson_IsNotBufferedWhole_ItStreamsAsTheFile()
    {
        // What streams is decided by the operation: an export's 200 is the file, whatever media type the server claims.
        await using var server = new ScriptedServer(ScriptedServer.Endless(Head("application/json", "Connection: close"), (byte)'a'));
        using var client = Client(server, maxBuffer: 1024 * 1024);

        await using var file = await client.Reports.ExportAsync(new DataPulse.Client.Reports.ReportExportRequest { TemplateId = "tmpl_1", Format = DataPulse.Client.Reports.ReportFormat.Csv })
            .WaitAsync(TimeSpan.FromSeconds(10));
        var buffer = new byte[4 * 1024 * 1024];
        await file.Content.ReadAtLeastAsync(buffer, buffer.Length).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        buffer.Should().OnlyContain(b => b == (byte)'a');
    }
}
