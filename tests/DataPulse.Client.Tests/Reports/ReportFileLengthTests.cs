using System.Net;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Reports;

/// <summary>
/// The SDK checks a download against its Content-Length itself: a transport that does not enforce the length (a
/// caller's own handler, a test double) must not turn a short body into a complete-looking file.
/// </summary>
public sealed class ReportFileLengthTests
{
    private sealed class ShortBodyTransport(int declared, int sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(new byte[sent]));
            content.Headers.ContentType = new("text/csv");
            content.Headers.ContentLength = declared;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    private static DataPulseClient Client(HttpClient http) => new(http, new DataPulseClientOptions
    {
        ApiKey = ApiServer.ApiKey,
        BaseAddress = new Uri("https://api.datapulse.io/"),
        MaxRetries = 0,
    });

    private static readonly ReportExportRequest Request = new() { TemplateId = "tmpl_q3_performance", Format = ReportFormat.Csv };

    [Fact]
    public async Task CopyToAsync_BodyShorterThanContentLength_ThrowsConnectionExceptionNamingBothSizes()
    {
        using var http = new HttpClient(new ShortBodyTransport(declared: 100, sent: 40));
        using var client = Client(http);
        await using var report = await client.Reports.ExportAsync(Request);

        var thrown = (await report.Invoking(r => r.CopyToAsync(Stream.Null)).Should().ThrowExactlyAsync<DataPulseConnectionException>()).Which;

        thrown.Message.Should().Contain("40 of 100 bytes");
    }

    [Fact]
    public async Task ExportToFileAsync_BodyShorterThanContentLength_LeavesNoFile()
    {
        using var http = new HttpClient(new ShortBodyTransport(declared: 100, sent: 40));
        using var client = Client(http);
        using var folder = new TempFolder();

        await client.Invoking(c => c.Reports.ExportToFileAsync(Request, Path.Combine(folder.Path, "q3.csv")))
            .Should().ThrowExactlyAsync<DataPulseConnectionException>();

        Directory.EnumerateFileSystemEntries(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task CopyToAsync_BodyOfExactlyContentLength_Completes()
    {
        using var http = new HttpClient(new ShortBodyTransport(declared: 100, sent: 100));
        using var client = Client(http);
        await using var report = await client.Reports.ExportAsync(Request);

        (await report.CopyToAsync(Stream.Null)).Should().Be(100);
    }
}
