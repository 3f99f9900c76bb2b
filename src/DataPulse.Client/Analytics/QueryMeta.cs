namespace DataPulse.Client.Analytics;

/// <summary>How a query ran.</summary>
public sealed record QueryMeta
{
    /// <summary>The server's id for the query run.</summary>
    public string? QueryId { get; init; }

    /// <summary>How many rows the result holds.</summary>
    public long RowCount { get; init; }

    /// <summary><see langword="true"/> when the limit cut the result short.</summary>
    public bool Truncated { get; init; }

    /// <summary>How long the query ran on the server, in milliseconds.</summary>
    public long ExecutionTimeMs { get; init; }

    /// <summary>When the server produced the result.</summary>
    public DateTimeOffset GeneratedAt { get; init; }
}
