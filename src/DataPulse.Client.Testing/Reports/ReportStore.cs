namespace DataPulse.Client.Testing.Reports;

/// <summary>Reports generated asynchronously (the 202 flow): each one is ready after a number of status polls.</summary>
internal sealed class ReportStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _reports = new(StringComparer.Ordinal);
    private int _next;

    public string Add(RenderedReport report, int pollsBeforeReady)
    {
        lock (_gate)
        {
            var id = FormattableString.Invariant($"rpt_{++_next:x4}");
            _reports[id] = new Entry(report, pollsBeforeReady);
            return id;
        }
    }

    /// <summary>Answers a status poll: null for an unknown id, else whether the report is ready (each poll brings it closer).</summary>
    public bool? Poll(string id)
    {
        lock (_gate)
        {
            if (!_reports.TryGetValue(id, out var entry))
            {
                return null;
            }

            if (entry.PollsLeft == 0)
            {
                return true;
            }

            entry.PollsLeft--;
            return false;
        }
    }

    /// <summary>The file when ready; <paramref name="known"/> tells an unknown id from one still processing.</summary>
    public RenderedReport? Download(string id, out bool known)
    {
        lock (_gate)
        {
            known = _reports.TryGetValue(id, out var entry);
            return entry is { PollsLeft: 0 } ? entry.Report : null;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _reports.Clear();
            _next = 0;
        }
    }

    private sealed class Entry(RenderedReport report, int pollsLeft)
    {
        public RenderedReport Report { get; } = report;

        public int PollsLeft { get; set; } = pollsLeft;
    }
}
