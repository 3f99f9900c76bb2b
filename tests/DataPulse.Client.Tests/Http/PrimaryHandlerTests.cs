using System.IO.Compression;
using System.Text;
using DataPulse.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Http;

/// <summary>The transport a client builds for itself: compressed answers (as a proxy in front of the API may send) are read transparently.</summary>
public sealed class PrimaryHandlerTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public PrimaryHandlerTests(ApiServer api) => _api = api.Reset();

    [Fact]
    public async Task GzipAnswer_IsReadAsTheJsonItCompresses()
    {
        _api.Server.Given(Request.Create().WithPath(CannedResponses.KpisPath).UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithHeader("Content-Encoding", "gzip")
            .WithBody(Gzip(CannedResponses.KpisJson)));
        using var client = _api.CreateClient();

        var summary = await client.Analytics.GetKpiSummaryAsync();

        summary.Revenue.Should().Be(2845000m);
    }

    [Fact]
    public async Task EveryRequest_AsksForGzipOrBrotli()
    {
        CannedResponses.Kpis(_api.Server);
        using var client = _api.CreateClient();

        await client.Analytics.GetKpiSummaryAsync();

        var acceptEncoding = _api.SingleRequest().RequestMessage.Headers!["Accept-Encoding"].SelectMany(v => v.Split(',')).Select(v => v.Trim());
        acceptEncoding.Should().Contain("gzip").And.Contain("br");
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }
}
