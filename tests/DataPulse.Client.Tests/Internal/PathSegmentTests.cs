using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Internal;

/// <summary>
/// "." and ".." are dot segments: as an id in a path they would be resolved away and send the call, key attached, to
/// another endpoint (GET /v1/customers/.. is GET /v1/). Every id that becomes a path segment refuses them unsent.
/// </summary>
public sealed class PathSegmentTests : IClassFixture<ApiServer>
{
    private readonly ApiServer _api;

    public PathSegmentTests(ApiServer api) => _api = api.Reset();

    public static TheoryData<string, Func<IDataPulseClient, string, Task>> Calls => new()
    {
        { "customerId", (c, id) => c.Customers.GetAsync(id) },
        { "reportId", (c, id) => c.Reports.GetReportStatusAsync(id) },
        { "reportId", (c, id) => c.Reports.DownloadReportAsync(id) },
        { "scheduleId", (c, id) => c.Reports.DeleteScheduleAsync(id) },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task DotSegmentId_IsRefusedAndNothingIsSent(string paramName, Func<IDataPulseClient, string, Task> call)
    {
        using var client = _api.CreateClient();

        foreach (var id in new[] { ".", ".." })
        {
            (await client.Invoking(c => call(c, id)).Should().ThrowAsync<ArgumentException>())
                .Which.ParamName.Should().Be(paramName);
        }

        _api.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task IdMadeOfDotsAndMore_IsSentAsOneEscapedSegment()
    {
        using var client = _api.CreateClient(o => o.MaxRetries = 0);

        await client.Invoking(c => c.Customers.GetAsync("..a")).Should().ThrowAsync<DataPulseNotFoundException>();

        _api.SingleRequest().RequestMessage.Path.Should().Be("/v1/customers/..a");
    }
}
