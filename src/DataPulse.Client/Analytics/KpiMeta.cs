namespace DataPulse.Client.Analytics;

/// <summary>How a KPI summary was produced.</summary>
public sealed record KpiMeta
{
    /// <summary>The value of a summary whose answer had no <c>meta</c>: shared, as a record it cannot change.</summary>
    internal static readonly KpiMeta Unknown = new();

    /// <summary>When the server computed the figures.</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary><see langword="true"/> when the figures came from the server's cache.</summary>
    public bool CacheHit { get; init; }
}
