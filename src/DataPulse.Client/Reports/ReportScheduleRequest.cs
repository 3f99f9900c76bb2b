using System.Text;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Reports;

/// <summary>A report to generate and mail on a schedule.</summary>
public sealed record ReportScheduleRequest
{
    /// <summary>The report template, for example <c>tmpl_q3_performance</c>. Required.</summary>
    public required string TemplateId { get; init; }

    /// <summary>The file format. Required.</summary>
    public required ReportFormat Format { get; init; }

    /// <summary>
    /// When to run, as a five-field cron expression (minute, hour, day of month, month, day of week), for example
    /// <c>0 6 * * 1</c> for Mondays at 06:00. Required.
    /// </summary>
    public required string Cron { get; init; }

    /// <summary>
    /// The time zone <see cref="Cron"/> is read in, as an IANA id such as <c>Europe/Berlin</c> (a Windows id such as
    /// <c>W. Europe Standard Time</c> is converted to its IANA id where the system can). Required.
    /// </summary>
    public required string TimeZone { get; init; }

    /// <summary>Who receives the report: one or more email addresses. Required.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>
    /// The <c>Idempotency-Key</c> to send. The client sends a fresh one per call by default, the same on every retry of
    /// that call; set this to make a call you repeat yourself deduplicate on the server. The API's contract asks for a GUID:
    /// 32 hex digits, hyphenated or in braces (<c>Guid.ToString()</c> in the <c>N</c>, <c>D</c> or <c>B</c> format), sent as
    /// given; anything else throws <see cref="ArgumentException"/> and nothing is sent.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Writes the members for <see cref="ToString"/>: the recipients as a list, not a type name.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TemplateId = ").Append(TemplateId)
            .Append(", Format = ").Append(Format)
            .Append(", Cron = ").Append(Cron)
            .Append(", TimeZone = ").Append(TimeZone)
            .Append(", Recipients = ").AppendList(Recipients)
            .Append(", IdempotencyKey = ").Append(IdempotencyKey);
        return true;
    }
}
