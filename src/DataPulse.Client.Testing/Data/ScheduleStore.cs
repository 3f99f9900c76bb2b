namespace DataPulse.Client.Testing.Data;

/// <summary>Report schedules: three seeded ones, plus those created through the API until <see cref="Reset"/>.</summary>
internal sealed class ScheduleStore
{
    private readonly object _gate = new();
    private readonly List<Schedule> _schedules = [];
    private int _next;

    public ScheduleStore() => Reset();

    public Schedule Add(string templateId, string format, string cron, string timezone, string[] recipients)
    {
        lock (_gate)
        {
            var schedule = new Schedule(
                FormattableString.Invariant($"sch_{++_next:x4}"), templateId, format, cron, timezone, recipients,
                NextRunAt: "2025-01-20T06:00:00Z", CreatedAt: Kpis.GeneratedAt);
            _schedules.Add(schedule);
            return schedule;
        }
    }

    /// <summary>One page in creation order; the cursor is the offset of the next page.</summary>
    public (IReadOnlyList<Schedule> Items, string? NextCursor) Page(int offset, int limit)
    {
        lock (_gate)
        {
            var items = _schedules.Skip(offset).Take(limit).ToList();
            var nextOffset = offset + items.Count;
            return (items, nextOffset < _schedules.Count ? FormattableString.Invariant($"c_{nextOffset}") : null);
        }
    }

    public bool Remove(string scheduleId)
    {
        lock (_gate)
        {
            return _schedules.RemoveAll(s => s.ScheduleId == scheduleId) > 0;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _schedules.Clear();
            _next = 0;
            Add("tmpl_q3_performance", "pdf", "0 6 * * 1", "Europe/Berlin", ["ops@example.com"]);
            Add("tmpl_monthly_revenue", "xlsx", "0 7 1 * *", "America/New_York", ["finance@example.com", "cfo@example.com"]);
            Add("tmpl_refunds", "csv", "30 5 * * *", "UTC", ["support-leads@example.com"]);
        }
    }

    /// <summary>A schedule on the wire.</summary>
    internal sealed record Schedule(
        string ScheduleId, string TemplateId, string Format, string Cron, string Timezone, string[] Recipients, string NextRunAt, string CreatedAt);
}
