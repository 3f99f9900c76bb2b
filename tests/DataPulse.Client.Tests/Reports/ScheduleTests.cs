using System.Text.Json;
using DataPulse.Client.Reports;
using DataPulse.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DataPulse.Client.Tests.Reports;

public sealed class ScheduleTests : IClassFixture<ApiServer>
{
    private static readonly ReportScheduleRequest Weekly = new()
    {
        TemplateId = "tmpl_refunds",
        Format = ReportFormat.Pdf,
        Cron = "0 6 * * 1",
        TimeZone = "Europe/Berlin",
        Recipients = ["ops@example.com", "cfo@example.com"],
    };

    private static readonly ReportScheduleRequest Valid = new()
    {
        TemplateId = "tmpl_q3_performance",
        Format = ReportFormat.Pdf,
        Cron = "0 6 * * 1",
        TimeZone = "Europe/Berlin",
        Recipients = ["ops@example.com"],
    };

    private readonly ApiServer _api;

    public ScheduleTests(ApiServer api) => _api = api.Reset();

    public static TheoryData<string, ReportScheduleRequest> InvalidRequests => new()
    {
        { "TemplateId", Valid with { TemplateId = " " } },
        { "Format", Valid with { Format = default } },
        { "Recipients", Valid with { Recipients = [] } },
        { "Recipients[1]", Valid with { Recipients = ["ops@example.com", "not-an-email"] } },
        { "Recipients[0]", Valid with { Recipients = ["Ops <ops@example.com>"] } },
        { "TimeZone", Valid with { TimeZone = "Mars/Olympus_Mons" } },
        { "Cron", Valid with { Cron = "0 6 * *" } },
        { "Cron", Valid with { Cron = "0 6 * * 1 2025" } },
        { "minute", Valid with { Cron = "60 6 * * 1" } },
        { "day of week", Valid with { Cron = "0 6 * * FUNDAY" } },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task CreateScheduleAsync_InvalidField_ThrowsNamingItAndSendsNothing(string field, ReportScheduleRequest request)
    {
        using var client = _api.CreateClient();

        var act = () => client.Reports.CreateScheduleAsync(request);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage($"*{field}*");
        _api.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("*/15 0-6,22,23 1-31 JAN-DEC mon-fri")]
    [InlineData("0 6 * * 7")]
    [InlineData("  0   6 * *   1 ")]
    public void CheckCron_WellFormedFiveFields_Passes(string cron) => ScheduleValidator.CheckCron(cron).Should().BeNull();

    [Fact]
    public async Task CreateScheduleAsync_Valid_SendsSnakeCaseBodyAndReturnsSchedule()
    {
        _api.Server.Given(Request.Create().WithPath("/v1/reports/schedules").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""
                { "schedule_id": "sch_1a2b", "template_id": "tmpl_q3_performance", "format": "pdf", "cron": "0 6 * * 1",
                  "timezone": "Europe/Berlin", "recipients": ["ops@example.com"],
                  "next_run_at": "2025-01-20T05:00:00Z", "created_at": "2025-01-15T08:30:00Z" }
                """));
        using var client = _api.CreateClient();

        var schedule = await client.Reports.CreateScheduleAsync(Valid);

        schedule.ScheduleId.Should().Be("sch_1a2b");
        schedule.TimeZone.Should().Be("Europe/Berlin");
        schedule.NextRunAt.Should().Be(new DateTimeOffset(2025, 1, 20, 5, 0, 0, TimeSpan.Zero));
        var sent = JsonDocument.Parse(_api.SingleRequest().RequestMessage.Body!).RootElement;
        sent.GetProperty("template_id").GetString().Should().Be("tmpl_q3_performance");
        sent.GetProperty("format").GetString().Should().Be("pdf");
        sent.GetProperty("cron").GetString().Should().Be("0 6 * * 1");
        sent.GetProperty("timezone").GetString().Should().Be("Europe/Berlin");
        sent.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()).Should().Equal("ops@example.com");
        _api.SingleRequest().RequestMessage.Headers!.Should().ContainKey("Idempotency-Key");
    }

    [Fact]
    public async Task ListSchedulesAsync_ThreePages_FollowsNextCursorWithPageSizeAsLimit()
    {
        GivenPage(cursor: null, ids: ["sch_1", "sch_2"], next: "c_2");
        GivenPage(cursor: "c_2", ids: ["sch_3", "sch_4"], next: "c_3");
        GivenPage(cursor: "c_3", ids: ["sch_5"], next: null);
        using var client = _api.CreateClient();

        var ids = new List<string>();
        await foreach (var schedule in client.Reports.ListSchedulesAsync(pageSize: 2))
        {
            ids.Add(schedule.ScheduleId);
        }

        ids.Should().Equal("sch_1", "sch_2", "sch_3", "sch_4", "sch_5");
        _api.Requests.Select(r => r.RequestMessage.Query!.TryGetValue("cursor", out var c) ? c.Single() : null)
            .Should().Equal(null, "c_2", "c_3");
        _api.Requests.Should().OnlyContain(r => r.RequestMessage.Query!["limit"].Single() == "2");
    }

    [Fact]
    public async Task ListSchedulesAsync_StoppedEarly_FetchesNoFurtherPage()
    {
        GivenPage(cursor: null, ids: ["sch_1", "sch_2"], next: "c_2");
        GivenPage(cursor: "c_2", ids: ["sch_3"], next: null);
        using var client = _api.CreateClient();

        await foreach (var schedule in client.Reports.ListSchedulesAsync())
        {
            break;
        }

        _api.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task ListSchedulesAsync_CursorsGoingRoundInACircle_StopsWithAnErrorInsteadOfLooping()
    {
        GivenPage(cursor: null, ids: ["sch_1"], next: "c_2");
        GivenPage(cursor: "c_2", ids: ["sch_2"], next: "c_3");
        GivenPage(cursor: "c_3", ids: ["sch_3"], next: "c_2");
        using var client = _api.CreateClient();
        var seen = new List<string>();

        var act = async () =>
        {
            await foreach (var schedule in client.Reports.ListSchedulesAsync())
            {
                seen.Add(schedule.ScheduleId);
            }
        };

        (await act.Should().ThrowAsync<DataPulseException>()).Which.Message.Should().Contain("'c_2' a second time");
        seen.Should().Equal("sch_1", "sch_2", "sch_3");
        _api.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task GetSchedulesPageAsync_ReturnsOnePageAndItsNextCursor()
    {
        GivenPage(cursor: "c_2", ids: ["sch_3"], next: "c_3");
        using var client = _api.CreateClient();

        var page = await client.Reports.GetSchedulesPageAsync("c_2");

        page.Items.Select(s => s.ScheduleId).Should().Equal("sch_3");
        page.NextCursor.Should().Be("c_3");
        page.HasMore.Should().BeTrue();
    }

    [Fact]
    public async Task GetSchedulesPageAsync_ListedSchedules_CarryAnEmptyResponse()
    {
        GivenPage(cursor: null, ids: ["sch_1", "sch_2"], next: null);
        using var client = _api.CreateClient();

        var page = await client.Reports.GetSchedulesPageAsync();

        // The page carries the answer's facts; each schedule on it the empty value, never null (the net8.0 build once did).
        page.Items.Should().HaveCount(2).And.AllSatisfy(s => s.Response.Should().BeSameAs(DataPulseResponseInfo.None));
    }

    [Fact]
    public async Task DeleteScheduleAsync_SendsDeleteToTheSchedule()
    {
        _api.Server.Given(Request.Create().WithPath("/v1/reports/schedules/sch_1a2b").UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(204));
        using var client = _api.CreateClient();

        await client.Reports.DeleteScheduleAsync("sch_1a2b");

        var sent = _api.SingleRequest().RequestMessage;
        sent.Method.Should().Be("DELETE");
        sent.Path.Should().Be("/v1/reports/schedules/sch_1a2b");
    }

    private void GivenPage(string? cursor, string[] ids, string? next)
    {
        var request = Request.Create().WithPath("/v1/reports/schedules").UsingGet();
        request = cursor is null
            ? request.WithParam("cursor", WireMock.Matchers.MatchBehaviour.RejectOnMatch)
            : request.WithParam("cursor", cursor);
        var items = string.Join(", ", ids.Select(id => $$"""{ "schedule_id": "{{id}}", "template_id": "tmpl_a", "format": "csv", "cron": "0 6 * * 1", "timezone": "UTC", "recipients": ["a@example.com"], "created_at": "2025-01-15T08:30:00Z" }"""));
        var nextJson = next is null ? "null" : $"\"{next}\"";
        _api.Server.Given(request).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody($$"""{ "data": [ {{items}} ], "meta": { "next_cursor": {{nextJson}} } }"""));
    }

    [Fact]
    public async Task Schedules_CreateListAcrossPagesDeleteThenDeleteAgainThrowsNotFound()
    {
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

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

        var pages = session.Sandbox.ReceivedRequests.Where(r => r.Method == "GET").Take(2).ToList();
        pages.Select(r => r.Query.GetValueOrDefault("limit")).Should().Equal("2", "2");
        pages[0].Query.Should().NotContainKey("cursor");
        pages[1].Query.Should().ContainKey("cursor", "the second page is asked for with the first page's next_cursor");
        session.Calls().Should().Equal(
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
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

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
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

        var created = await client.Reports.CreateScheduleAsync(Weekly with { TimeZone = timeZone });

        created.TimeZone.Should().Be(timeZone);
    }

    [Fact]
    public async Task CreateScheduleAsync_WindowsTimeZone_IsSentAsItsIanaId()
    {
        await using var session = new SandboxSession();
        using var client = session.CreateClient();

        var created = await client.Reports.CreateScheduleAsync(Weekly with { TimeZone = "W. Europe Standard Time" });

        created.TimeZone.Should().Be("Europe/Berlin");
    }
}
