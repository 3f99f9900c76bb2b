using System.Text;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Analytics;

/// <summary>The result of an ad-hoc query with its rows mapped to the caller's own type.</summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed record QueryResult<T>
{
    /// <summary>The rows, mapped once each, in order.</summary>
    public required IReadOnlyList<T> Rows { get; init; }

    /// <summary>The columns, in order.</summary>
    public required IReadOnlyList<QueryColumn> Columns { get; init; }

    /// <summary>How the query ran: its id, row count, whether the limit cut it, and its execution time.</summary>
    public required QueryMeta Meta { get; init; }

    /// <summary>The trace id and rate-limit window of the answer.</summary>
    public DataPulseResponseInfo Response { get; init; } = DataPulseResponseInfo.None;

    /// <summary>Writes the members for <see cref="ToString"/>: rows and columns as lists (the first ten, then how many more).</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Rows = ").AppendList(Rows)
            .Append(", Columns = ").AppendList(Columns)
            .Append(", Meta = ").Append(Meta)
            .Append(", Response = ").Append(Response);
        return true;
    }
}
