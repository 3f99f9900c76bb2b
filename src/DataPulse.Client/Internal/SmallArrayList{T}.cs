using System.Collections;
using System.Runtime.CompilerServices;

namespace DataPulse.Client.Internal;

/// <summary>
/// A read-only list of a known length kept in arrays under the large-object heap's 85,000-byte threshold: one array when
/// it fits (then the list is that array), else chunks of a power-of-two length. Results hold many rows; none of them
/// should cost a large-object allocation per call.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class SmallArrayList<T> : IReadOnlyList<T>
{
    // Under 85,000 bytes with the array's header, whatever the item size.
    private const int MaxArrayBytes = 84_000;

    private readonly T[][] _chunks;
    private readonly int _shift;
    private readonly int _mask;

    private SmallArrayList(T[][] chunks, int shift, int count)
    {
        _chunks = chunks;
        _shift = shift;
        _mask = (1 << shift) - 1;
        Count = count;
    }

    public int Count { get; }

    public T this[int index] =>
        (uint)index < (uint)Count ? _chunks[index >> _shift][index & _mask] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _chunks[i >> _shift][i & _mask];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Fills a list of a known length, in order.</summary>
    public struct Builder
    {
        private readonly T[]? _single;
        private readonly T[][]? _chunks;
        private readonly int _shift;
        private readonly int _count;
        private int _added;

        public Builder(int count)
        {
            _count = count;
            var itemSize = Unsafe.SizeOf<T>();
            if ((long)count * itemSize <= MaxArrayBytes)
            {
                _single = count == 0 ? [] : new T[count];
                return;
            }

            // The largest power-of-two chunk under the threshold.
            _shift = 0;
            while ((2L << _shift) * itemSize <= MaxArrayBytes)
            {
                _shift++;
            }

            var chunkLength = 1 << _shift;
            _chunks = new T[(count + chunkLength - 1) >> _shift][];
            for (var c = 0; c < _chunks.Length; c++)
            {
                _chunks[c] = new T[Math.Min(chunkLength, count - (c << _shift))];
            }
        }

        public void Add(T item)
        {
            if (_single is not null)
            {
                _single[_added++] = item;
            }
            else
            {
                _chunks![_added >> _shift][_added & ((1 << _shift) - 1)] = item;
                _added++;
            }
        }

        /// <summary>The list; every item must have been added.</summary>
        public readonly IReadOnlyList<T> Build() =>
            _added != _count ? throw new InvalidOperationException($"{_added} of {_count} items were added.")
            : _single ?? (IReadOnlyList<T>)new SmallArrayList<T>(_chunks!, _shift, _count);
    }
}
