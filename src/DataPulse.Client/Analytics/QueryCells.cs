namespace DataPulse.Client.Analytics;

/// <summary>Every row of a query result, in order, as blocks of cells (see <see cref="QueryCellBlock"/>).</summary>
internal sealed class QueryCells(QueryCellBlock[] blocks, int rowCount)
{
    public static QueryCells Empty { get; } = new([], 0);

    public IReadOnlyList<QueryCellBlock> Blocks { get; } = blocks;

    public int RowCount { get; } = rowCount;

    /// <summary>Lets each block's rows name their columns. Called once, before any row is handed out.</summary>
    public void Attach(QueryColumnIndex columns)
    {
        foreach (var block in Blocks)
        {
            block.Attach(columns);
        }
    }
}
