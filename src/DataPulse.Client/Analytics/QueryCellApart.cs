using System.Buffers;

namespace DataPulse.Client.Analytics;

/// <summary>
/// The text of a long cell (4 KiB and more), stored in an array of its own, or past <see cref="MaxPiece"/> in pieces of
/// that size, so that no copy of a cell lands on the large-object heap (a string read from it may, being that long).
/// </summary>
internal static class QueryCellApart
{
    /// <summary>The largest array kept for one cell or piece: under the large-object heap's 85,000 bytes with its header.</summary>
    public const int MaxPiece = 80 * 1024;

    public static object Store(ReadOnlySpan<byte> json)
    {
        if (json.Length <= MaxPiece)
        {
            return json.ToArray();
        }

        var pieces = new byte[(json.Length + MaxPiece - 1) / MaxPiece][];
        for (var i = 0; i < pieces.Length; i++)
        {
            pieces[i] = json.Slice(i * MaxPiece, Math.Min(MaxPiece, json.Length - (i * MaxPiece))).ToArray();
        }

        return pieces;
    }

    public static int Length(object stored) => stored switch
    {
        byte[] whole => whole.Length,
        byte[][] pieces => ((pieces.Length - 1) * MaxPiece) + pieces[^1].Length,
        _ => throw new InvalidOperationException("Unknown cell storage."),
    };

    /// <summary>The cell's text; pieces are joined into a buffer rented from the shared pool, handed back in <paramref name="rented"/>.</summary>
    public static ReadOnlySpan<byte> Read(object stored, out byte[]? rented)
    {
        if (stored is byte[] whole)
        {
            rented = null;
            return whole;
        }

        var pieces = (byte[][])stored;
        var length = Length(stored);
        rented = ArrayPool<byte>.Shared.Rent(length);
        var written = 0;
        foreach (var piece in pieces)
        {
            piece.CopyTo(rented, written);
            written += piece.Length;
        }

        return new ReadOnlySpan<byte>(rented, 0, length);
    }
}
