using System.Buffers;

namespace DataPulse.Client.Analytics;

/// <summary>
/// Collects the cells of a query's rows, as the forward pass over the answer meets them, into <see cref="QueryCellBlock"/>s.
/// A row's cells are noted as offsets into the answer; when the row ends, its text is copied in one piece (the cells and
/// what separates them) into a pooled 64 KiB block buffer. A full block is copied out right-sized, and the buffers are
/// reused for the next one, so the answer's buffer can go back to its pool once the pass is done. With a
/// <see cref="IQueryRowSink"/>, each full block is first offered to it, straight from the pooled buffers, and is not
/// kept when it is taken.
/// </summary>
internal sealed class QueryCellsBuilder(IQueryRowSink? sink = null) : IDisposable
{
    private readonly List<QueryCellBlock> _blocks = [];
    private byte[] _data = ArrayPool<byte>.Shared.Rent(QueryCellBlock.MaxBytes);
    private uint[] _cells = ArrayPool<uint>.Shared.Rent(QueryCellBlock.MaxCells);
    private int[] _rowStarts = ArrayPool<int>.Shared.Rent(QueryCellBlock.MaxRows + 1);
    private PendingCell[] _row = ArrayPool<PendingCell>.Shared.Rent(32);
    private List<object>? _apart;
    private int _dataLength;
    private int _cellCount;
    private int _rowCount;
    private int _pending;
    private int _firstRow;

    public int RowCount => _firstRow + _rowCount;

    /// <summary>Notes a cell of the current row: its kind and where its JSON text lies in the answer (none for null, true, false).</summary>
    public void Add(QueryCellKind kind, int start, int length)
    {
        if (_pending == _row.Length)
        {
            var larger = ArrayPool<PendingCell>.Shared.Rent(_row.Length * 2);
            _row.AsSpan().CopyTo(larger);
            ArrayPool<PendingCell>.Shared.Return(_row);
            _row = larger;
        }

        _row[_pending++] = new PendingCell(start, length, kind);
    }

    /// <summary>Ends the current row, copying its cells' text out of <paramref name="answer"/>.</summary>
    public void EndRow(ReadOnlySpan<byte> answer)
    {
        var cells = _row.AsSpan(0, _pending);
        _pending = 0;

        // The row's text in one piece, from its first to its last cell with text, unless a cell is long enough to be kept apart.
        int from = -1, to = -1;
        var apart = false;
        foreach (ref readonly var cell in cells)
        {
            if (cell.Length == 0)
            {
                continue;
            }

            if (cell.Length >= QueryCellBlock.ApartFrom)
            {
                apart = true;
                continue;
            }

            from = from < 0 ? cell.Start : from;
            to = cell.Start + cell.Length;
        }

        var inline = from < 0 ? 0 : to - from;
        if (apart)
        {
            inline = 0;
            foreach (ref readonly var cell in cells)
            {
                inline += cell.Length is > 0 and < QueryCellBlock.ApartFrom ? cell.Length : 0;
            }
        }

        // A row with more text than a whole block (many cells of a few KiB): all its cells are kept apart.
        var allApart = inline > QueryCellBlock.MaxBytes;
        if (allApart)
        {
            apart = true;
            inline = 0;
        }

        if (_rowCount == QueryCellBlock.MaxRows || _cellCount + cells.Length > QueryCellBlock.MaxCells || _dataLength + inline > QueryCellBlock.MaxBytes)
        {
            Flush();
        }

        if (cells.Length > _cells.Length)
        {
            // A row of more than 16,384 cells: the one case whose block index may reach the large-object heap.
            ArrayPool<uint>.Shared.Return(_cells);
            _cells = ArrayPool<uint>.Shared.Rent(cells.Length);
        }

        var entries = _cells.AsSpan(_cellCount, cells.Length);
        if (!apart)
        {
            if (from >= 0)
            {
                answer[from..to].CopyTo(_data.AsSpan(_dataLength));
            }

            for (var i = 0; i < cells.Length; i++)
            {
                ref readonly var cell = ref cells[i];
                entries[i] = QueryCellBlock.Inline(cell.Kind, cell.Length == 0 ? 0 : _dataLength + (cell.Start - from), cell.Length);
            }

            _dataLength += inline;
        }
        else
        {
            for (var i = 0; i < cells.Length; i++)
            {
                ref readonly var cell = ref cells[i];
                var text = answer.Slice(cell.Start, cell.Length);
                if (cell.Length == 0)
                {
                    entries[i] = QueryCellBlock.Inline(cell.Kind, 0, 0);
                }
                else if (allApart || cell.Length >= QueryCellBlock.ApartFrom)
                {
                    _apart ??= [];
                    entries[i] = QueryCellBlock.Apart(cell.Kind, _apart.Count);
                    _apart.Add(QueryCellApart.Store(text));
                }
                else
                {
                    text.CopyTo(_data.AsSpan(_dataLength));
                    entries[i] = QueryCellBlock.Inline(cell.Kind, _dataLength, cell.Length);
                    _dataLength += cell.Length;
                }
            }
        }

        _rowStarts[_rowCount] = _cellCount;
        _cellCount += cells.Length;
        _rowCount++;
        _rowStarts[_rowCount] = _cellCount;
    }

    /// <summary>The rows so far that no sink took, and how many rows there were in all; the builder is spent.</summary>
    public QueryCells Build()
    {
        Flush();
        return _blocks.Count == 0 ? QueryCells.Empty : new QueryCells([.. _blocks], _blocks.Sum(b => b.RowCount));
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_data);
        ArrayPool<uint>.Shared.Return(_cells);
        ArrayPool<int>.Shared.Return(_rowStarts);
        ArrayPool<PendingCell>.Shared.Return(_row);
        _data = [];
        _cells = [];
        _rowStarts = [];
        _row = [];
    }

    /// <summary>Hands the rows collected so far to the sink, or copies them out, right-sized, as one block.</summary>
    private void Flush()
    {
        if (_rowCount == 0)
        {
            return;
        }

        var apart = _apart?.ToArray();
        if (sink is null || !sink.TryTake(new QueryCellBlock(_firstRow, _rowCount, _data, _cells, _rowStarts, apart)))
        {
            _blocks.Add(new QueryCellBlock(
                _firstRow,
                _rowCount,
                _data.AsSpan(0, _dataLength).ToArray(),
                _cells.AsSpan(0, _cellCount).ToArray(),
                _rowStarts.AsSpan(0, _rowCount + 1).ToArray(),
                apart));
        }

        _firstRow += _rowCount;
        _rowCount = 0;
        _cellCount = 0;
        _dataLength = 0;
        _apart = null;
    }

    private readonly record struct PendingCell(int Start, int Length, QueryCellKind Kind);
}
