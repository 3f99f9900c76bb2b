namespace DataPulse.Client.Reports;

/// <summary>An inclusive range of calendar dates; <see cref="Start"/> must not be after <see cref="End"/>.</summary>
public sealed record DateRange
{
    /// <summary>The first day.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>The last day.</summary>
    public required DateOnly End { get; init; }
}
