using System.Net;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Reports;

/// <summary>The export hands back the body as it arrives: a 64 MiB file is never held in memory.</summary>
[Collection(NonParallelTests.Name)]
public sealed class ExportStreamingTests
{
    private const long SixtyFourMiB = 64L * 1024 * 1024;

    // Far below the file's size; generous for the client's own buffers and the test's bookkeeping.
    private const long AllocationBudget = 8L * 1024 * 1024;

    private static readonly ReportExportRequest Request = new() { TemplateId = "tmpl_big", Format = ReportFormat.Csv };

    [Fact]
    public async Task ExportAsync_LargeBody_ReturnsBeforeReadingItAndCopiesWithBoundedMemory()
    {
        var body = new GeneratedStream(SixtyFourMiB);
        using var http = new HttpClient(new StreamingTransport(body));
        using var client = new DataPulseClient(http, new DataPulseClientOptions
        {
            ApiKey = ApiServer.ApiKey,
            BaseAddress = new Uri("https://api.datapulse.io/"),
        });

        using var file = await client.Reports.ExportAsync(Request);

        body.Produced.Should().BeLessThan(1024 * 1024, "the export must hand the body back unread, not buffer it first");
        file.Content.CanSeek.Should().BeFalse();
        file.Length.Should().Be(SixtyFourMiB);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var copied = await file.CopyToAsync(Stream.Null);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        copied.Should().Be(SixtyFourMiB);
        body.Produced.Should().Be(SixtyFourMiB);
        allocated.Should().BeLessThan(AllocationBudget, "copying 64 MiB must stream through a small buffer");
    }

    [Fact]
    public async Task ExportAsync_LargeBodyOverRealSocket_StreamsWithBoundedMemory()
    {
        await using var server = new ScriptedServer(ScriptedServer.File(SixtyFourMiB, contentType: "text/csv", fileName: "big.csv", fill: (byte)'x'));
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = server.BaseAddress, MaxRetries = 0 });

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using (var file = await client.Reports.ExportAsync(Request))
        {
            // Socket buffers let some of the body through ahead of the reader, but never the whole file.
            server.BytesWritten.Should().BeLessThan(SixtyFourMiB / 2, "the export must return before the body is read");
            file.FileName.Should().Be("big.csv");
            file.Response.TraceId.Should().Be("trc_stream");

            var copied = await file.CopyToAsync(Stream.Null);

            copied.Should().Be(SixtyFourMiB);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        allocated.Should().BeLessThan(AllocationBudget, "a 64 MiB download must not be buffered in memory");
        await server.Served;
    }

    /// <summary>A transport that answers every request with a file whose body is the given stream.</summary>
    private sealed class StreamingTransport(Stream body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(body);
            content.Headers.ContentType = new("text/csv");
            content.Headers.ContentLength = SixtyFourMiB;
            content.Headers.ContentDisposition = new("attachment") { FileName = "\"big.csv\"" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
