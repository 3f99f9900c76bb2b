namespace DataPulse.Client;

/// <summary>One page of a list the server hands out in pages, and the cursor of the next one.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T>
{
    /// <summary>The items on this page, in order.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>The cursor to pass for the next page; <see langword="null"/> on the last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary><see langword="true"/> when there is a next page (<see cref="NextCursor"/> is set).</summary>
    public bool HasMore => NextCursor is not null;

    /// <summary>The trace id and rate-limit window of the answer.</summary>
    public DataPulseResponseInfo Response { get; init; } = DataPulseResponseInfo.None;
}
