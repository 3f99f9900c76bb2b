namespace DataPulse.Client.Analytics;

/// <summary>
/// Takes a query's rows as the forward pass completes each block of them, so that their cells need not be kept
/// (see <see cref="QueryRowSink{T}"/>).
/// </summary>
internal interface IQueryRowSink
{
    /// <summary>Whether rows were taken; the answer can then no longer change its columns or rows.</summary>
    bool HasTaken { get; }

    /// <summary>The columns the rows that follow map by.</summary>
    void UseColumns(IReadOnlyList<QueryColumn> columns);

    /// <summary>Maps the block's rows now, or returns <see langword="false"/> to have the block kept for later.</summary>
    /// <param name="block">A view over the builder's pooled buffers: valid only during the call.</param>
    bool TryTake(QueryCellBlock block);

    /// <summary>Forgets every row taken and the columns, for the answer to be read again without the sink.</summary>
    void Reset();
}
