using System.Text;
using System.Text.Json.Serialization;
using DataPulse.Client.Http;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Reports;

/// <summary>A report the server generates and mails on a schedule.</summary>
public sealed record ReportSchedule : IAnsweredResult
{
    private DataPulseResponseInfo _response = DataPulseResponseInfo.None;

    /// <summary>The server's id for the schedule, for example <c>sch_1a2b</c>.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>The report template.</summary>
    public string? TemplateId { get; init; }

    /// <summary>The file format.</summary>
    public ReportFormat Format { get; init; }

    /// <summary>The five-field cron expression, for example <c>0 6 * * 1</c>.</summary>
    public string? Cron { get; init; }

    /// <summary>The IANA time zone <see cref="Cron"/> is read in, for example <c>Europe/Berlin</c>.</summary>
    [JsonPropertyName("timezone")]
    public string? TimeZone { get; init; }

    /// <summary>Who receives the report.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>When the schedule runs next, when the server said.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>When the schedule was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The trace id and rate-limit window of the answer (for a schedule just created; empty for listed ones).</summary>
    [JsonIgnore]
    // System.Text.Json 8 (the net8.0 build) sets every init-only property when it reads the record, this ignored one to null; null keeps the default.
    public DataPulseResponseInfo Response { get => _response; init => _response = value ?? DataPulseResponseInfo.None; }

    /// <summary>Writes the members for <see cref="ToString"/>: the recipients as a list, not a type name.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ScheduleId = ").Append(ScheduleId)
            .Append(", TemplateId = ").Append(TemplateId)
            .Append(", Format = ").Append(Format)
            .Append(", Cron = ").Append(Cron)
            .Append(", TimeZone = ").Append(TimeZone)
            .Append(", Recipients = ").AppendList(Recipients)
            .Append(", NextRunAt = ").Append(NextRunAt)
            .Append(", CreatedAt = ").Append(CreatedAt)
            .Append(", Response = ").Append(Response);
        return true;
    }

    void IAnsweredResult.SetResponse(DataPulseResponseInfo response) => _response = response;
}
