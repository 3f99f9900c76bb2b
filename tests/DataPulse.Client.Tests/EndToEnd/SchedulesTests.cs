using DataPulse.Client.Reports;

namespace DataPulse.Client.Tests.EndToEnd;

public sealed class SchedulesTests : SandboxTest
{
    private static readonly ReportScheduleRequest Weekly = new()
    {
        TemplateId = "tmpl_refunds",
        Format = ReportFormat.Pdf,
        Cron = "0 6 * * 1",
        TimeZone = "Europe/Berlin",
        Recipients = ["ops@example.com", "cfo@example.com"],
    };

    [Fact]
    public async Task Schedules_CreateListAcrossPagesDeleteThenDeleteAgainThrowsNotFound()
    {
        using var client = CreateClient();

        var created = await client.Reports.CreateScheduleAsync(Weekly);
        var listed = await client.Reports.ListSchedulesAsync(pageSize: 2).ToListAsync();
        await client.Reports.DeleteScheduleAsync(created.ScheduleId);
        var afterDelete = await client.Reports.ListSchedulesAsync(pageSize: 2).ToListAsync();
        var deleteAgain = () => client.Reports.DeleteScheduleAsync(created.ScheduleId);

        created.ScheduleId.Should().NotBeNullOrWhiteSpace();
        created.Should().BeEquivalentTo(new
        {
            TemplateId = "tmpl_refunds",
            Format = ReportFormat.Pdf,
            Cron = "0 6 * * 1",
            TimeZone = "Europe/Berlin",
            Recipients = new[] { "ops@example.com", "cfo@example.com" },
        });
        created.NextRunAt.Should().NotBeNull();
        listed.Select(s => s.ScheduleId).Should().OnlyHaveUniqueItems().And.HaveCount(4, "three seeded schedules and the new one");
        listed[^1].Should().BeEquivalentTo(created, o => o.Excluding(s => s.Response));
        afterDelete.Select(s => s.ScheduleId).Should().Equal(listed.SkipLast(1).Select(s => s.ScheduleId));
        var thrown = (await deleteAgain.Should().ThrowAsync<DataPulseNotFoundException>()).Which;
        thrown.ErrorCode.Should().Be("schedule_not_found");

        var pages = Sandbox.ReceivedRequests.Where(r => r.Method == "GET").Take(2).ToList();
        pages.Select(r => r.Query.GetValueOrDefault("limit")).Should().Equal("2", "2");
        pages[0].Query.Should().NotContainKey("cursor");
        pages[1].Query.Should().ContainKey("cursor", "the second page is asked for with the first page's next_cursor");
        Calls().Should().Equal(
            "POST /v1/reports/schedules 201",
            "GET /v1/reports/schedules 200",
            "GET /v1/reports/schedules 200",
            $"DELETE /v1/reports/schedules/{created.ScheduleId} 204",
            "GET /v1/reports/schedules 200",
            "GET /v1/reports/schedules 200",
            $"DELETE /v1/reports/schedules/{created.ScheduleId} 404");
    }

    [Fact]
    public async Task GetSchedulesPageAsync_PagesFollowTheCursorToTheEnd()
    {
        using var client = CreateClient();

        var first = await client.Reports.GetSchedulesPageAsync(pageSize: 2);
        var second = await client.Reports.GetSchedulesPageAsync(first.NextCursor, pageSize: 2);

        first.Items.Should().HaveCount(2);
        first.HasMore.Should().BeTrue();
        second.Items.Should().ContainSingle();
        second.HasMore.Should().BeFalse();
        first.Items.Concat(second.Items).Select(s => s.ScheduleId).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("GMT")]
    [InlineData("EST5EDT")]
    [InlineData("America/Argentina/Buenos_Aires")]
    public async Task CreateScheduleAsync_IanaTimeZone_IsSentAndKeptAsGiven(string timeZone)
    {
        using var client = CreateClient();

        var created = await client.Reports.CreateScheduleAsync(Weekly with { TimeZone = timeZone });

        created.TimeZone.Should().Be(timeZone);
    }

    [Fact]
    public async Task CreateScheduleAsync_WindowsTimeZone_IsSentAsItsIanaId()
    {
        using var client = CreateClient();

        var created = await client.Reports.CreateScheduleAsync(Weekly with { TimeZone = "W. Europe Standard Time" });

        created.TimeZone.Should().Be("Europe/Berlin");
    }
}
