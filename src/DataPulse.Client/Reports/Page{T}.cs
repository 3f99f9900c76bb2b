using System.Text;
using DataPulse.Client.Internal;

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

    /// <summary>Writes the members for <see cref="ToString"/>: the items as a list (the first ten, then how many more).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Items = ").AppendList(Items)
            .Append(", NextCursor = ").Append(NextCursor)
            .Append(", HasMore = ").Append(HasMore)
            .Append(", Response = ").Append(Response);
        return true;
    }
}
