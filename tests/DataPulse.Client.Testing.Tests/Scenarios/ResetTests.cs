using System.Net;
using System.Text.Json;
using DataPulse.Client.Testing;
using DataPulse.Client.Testing.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DataPulse.Client.Testing.Tests.Infrastructure.SandboxHttp;

namespace DataPulse.Client.Testing.Tests.Scenarios;

public sealed class ResetTests : SandboxTests
{
    // On a clock nobody moves, latency that survived Reset would hold the answer back for good.
    public ResetTests()
        : base(new DataPulseSandboxOptions { TimeProvider = new FakeTimeProvider() })
    {
    }

    [Fact]
    public async Task Reset_ClearsScenariosRequestsAndCreatedData()
    {
        Sandbox.FailNextCalls(5, HttpStatusCode.InternalServerError);
        Sandbox.RateLimitNextCalls(5, TimeSpan.FromSeconds(30));
        Sandbox.AddLatency(TimeSpan.FromSeconds(5));
        Sandbox.MakeExportsAsynchronous();
        Sandbox.DropDownloadMidway();
        using var http = Http();
        Sandbox.Reset();

        using var created = await http.PostAsync("v1/reports/schedules", Json(
            """{ "template_id": "tmpl_refunds", "format": "csv", "cron": "0 6 * * 1", "timezone": "UTC", "recipients": ["a@example.com"] }"""))
            .WaitAsync(TimeSpan.FromSeconds(10));
        created.StatusCode.Should().Be(HttpStatusCode.Created, "neither the failures, the rate limit nor the latency survive Reset");
        using var export = await http.PostAsync("v1/reports/export", Json("""{ "template_id": "tmpl_refunds", "format": "csv" }"""));
        export.StatusCode.Should().Be(HttpStatusCode.OK, "exports are synchronous again after Reset");
        var file = await export.Content.ReadAsByteArrayAsync();
        file.LongLength.Should().Be(export.Content.Headers.ContentLength!.Value, "the drop scenario does not survive Reset");

        Sandbox.Reset();

        Sandbox.ReceivedRequests.Should().BeEmpty();
        using var page = JsonDocument.Parse(await http.GetStringAsync("v1/reports/schedules?limit=10"));
        page.RootElement.GetProperty("data").GetArrayLength().Should().Be(3);
        Sandbox.ReceivedRequests.Single().TraceId.Should().Be("trc_sbx000001", "trace ids count from the start again");
    }
}
