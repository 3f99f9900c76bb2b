using System.Net;
using System.Text.Json;
using DataPulse.Client.Testing.Tests.Infrastructure;
using static DataPulse.Client.Testing.Tests.Infrastructure.SandboxHttp;

namespace DataPulse.Client.Testing.Tests.Resources;

public sealed class SchedulesRoutesTests : SandboxTests
{
    [Fact]
    public async Task Schedules_CreateListInPagesAndDelete()
    {
        using var http = Http();

        using var invalid = await http.PostAsync("v1/reports/schedules", Json(
            """{ "template_id": "tmpl_refunds", "format": "csv", "cron": "weekly", "timezone": "UTC", "recipients": ["a@example.com"] }"""));
        using var created = await http.PostAsync("v1/reports/schedules", Json(
            """{ "template_id": "tmpl_refunds", "format": "csv", "cron": "0 6 * * 1", "timezone": "Europe/Berlin", "recipients": ["a@example.com"] }"""));
        using var first = JsonDocument.Parse(await http.GetStringAsync("v1/reports/schedules?limit=3"));
        var cursor = first.RootElement.GetProperty("meta").GetProperty("next_cursor").GetString();
        using var second = JsonDocument.Parse(await http.GetStringAsync("v1/reports/schedules?limit=3&cursor=" + cursor));
        using var deleted = await http.DeleteAsync("v1/reports/schedules/sch_0004");
        using var missing = await http.DeleteAsync("v1/reports/schedules/sch_0004");

        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).Should().Contain("\"param\":\"cron\"");
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        cursor.Should().Be("c_3");
        second.RootElement.GetProperty("data")[0].GetProperty("schedule_id").GetString().Should().Be("sch_0004");
        second.RootElement.GetProperty("meta").GetProperty("next_cursor").ValueKind.Should().Be(JsonValueKind.Null);
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SchedulesPath_IsNeverReadAsAReportId()
    {
        using var http = Http();

        using var response = await http.GetAsync("v1/reports/schedules");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().StartWith("{\"data\":[");
    }
}
