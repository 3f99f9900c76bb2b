using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Analytics;

/// <summary>
/// Maps a query's rows into <typeparamref name="T"/> during the forward pass over the answer, block by block, so the
/// rows' cells are never kept: once the columns are known (they come before the rows in the API's answers), each block
/// is mapped while it is still in the builder's pooled buffers. Rows that came before their columns are kept and mapped
/// at the end. A row that does not fit is reported only after the whole answer was read, so an unreadable answer is
/// still reported as such first, as when the rows were mapped after reading.
/// </summary>
internal sealed class QueryRowSink<T>(JsonTypeInfo<T> typeInfo) : IQueryRowSink, IDisposable
{
    private QueryRowMapper<T>? _mapper;
    private T[] _rows = ArrayPool<T>.Shared.Rent(256);
    private byte[] _json = ArrayPool<byte>.Shared.Rent(1024);
    private int _count;
    private InvalidCastException? _failure;

    public bool HasTaken { get; private set; }

    public void UseColumns(IReadOnlyList<QueryColumn> columns) => _mapper = new QueryRowMapper<T>(columns, typeInfo);

    public bool TryTake(QueryCellBlock block)
    {
        if (_mapper is null)
        {
            return false;
        }

        HasTaken = true;
        if (_failure is null)
        {
            try
            {
                Map(_mapper, block);
            }
            catch (InvalidCastException ex)
            {
                // Later rows are read (the answer must still be checked whole) but no longer mapped.
                _failure = ex;
            }
        }

        return true;
    }

    public void Reset()
    {
        _rows.AsSpan(0, _count).Clear();
        _count = 0;
        _mapper = null;
        _failure = null;
        HasTaken = false;
    }

    /// <summary>The mapped rows, in order; the rows the answer kept are mapped now.</summary>
    /// <exception cref="InvalidCastException">A cell does not fit its property.</exception>
    public IReadOnlyList<T> Finish(QueryAnswer answer)
    {
        if (_failure is not null)
        {
            throw _failure;
        }

        if (answer.Cells.Blocks.Count > 0)
        {
            var mapper = _mapper ??= new QueryRowMapper<T>(answer.Columns, typeInfo);
            foreach (var block in answer.Cells.Blocks)
            {
                Map(mapper, block);
            }
        }

        var rows = new SmallArrayList<T>.Builder(_count);
        for (var i = 0; i < _count; i++)
        {
            rows.Add(_rows[i]);
        }

        return rows.Build();
    }

    public void Dispose()
    {
        ArrayPool<T>.Shared.Return(_rows, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        ArrayPool<byte>.Shared.Return(_json);
        _rows = [];
        _json = [];
    }

    private void Map(QueryRowMapper<T> mapper, QueryCellBlock block)
    {
        if (_count + block.RowCount > _rows.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(Math.Max(_count + block.RowCount, _rows.Length * 2));
            _rows.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<T>.Shared.Return(_rows, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _rows = larger;
        }

        for (var r = 0; r < block.RowCount; r++)
        {
            _rows[_count++] = mapper.Map(block, r, ref _json);
        }
    }
}
