namespace DataPulse.Client.Analytics;

/// <summary>A column of a query result.</summary>
public sealed record QueryColumn
{
    /// <summary>The column name, for example <c>region</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The column type.</summary>
    public QueryColumnType Type { get; init; }
}
