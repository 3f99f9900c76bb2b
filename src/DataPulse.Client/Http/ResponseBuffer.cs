using System.Buffers;

namespace DataPulse.Client.Http;

/// <summary>
/// Reads a response body whole, inside the attempt and under its deadline, into a pooled buffer of at most a given
/// size. The same code reads successes (over the cap: a clear failure) and error bodies (over the cap: kept cut).
/// </summary>
internal static class ResponseBuffer
{
    private const int FirstChunk = 16 * 1024;

    /// <summary>Replaces <paramref name="response"/>'s content by a <see cref="BufferedContent"/> holding its whole body.</summary>
    /// <exception cref="ResponseTooLargeException">The body is larger than <paramref name="maxBytes"/> (never for <paramref name="keepPartial"/>).</exception>
    public static async Task LoadAsync(HttpResponseMessage response, int maxBytes, bool keepPartial, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var declared = original.Headers.ContentLength;
        if (declared > maxBytes && !keepPartial)
        {
            throw new ResponseTooLargeException(maxBytes, declared);
        }

        // Rent one byte more than the cap, so "exactly the cap" and "more than the cap" can be told apart.
        var initial = declared is { } known ? (int)Math.Min(known + 1, (long)maxBytes + 1) : Math.Min(FirstChunk, maxBytes + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 1));
        var filled = 0;
        var truncated = false;
        try
        {
            try
            {
                var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var ceiling = maxBytes + 1;
                    while (true)
                    {
                        // The pool may hand out more than asked: never read past one byte over the cap.
                        var room = Math.Min(buffer.Length, ceiling);
                        if (filled == room)
                        {
                            if (room == ceiling)
                            {
                                break;
                            }

                            buffer = Grow(buffer, filled, (int)Math.Min((long)buffer.Length * 2, ceiling));
                            room = Math.Min(buffer.Length, ceiling);
                        }

                        var read = await stream.ReadAsync(buffer.AsMemory(filled, room - filled), cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        filled += read;
                    }
                }
            }
            catch (Exception) when (keepPartial)
            {
                // An error body cut off, or stalled past the deadline: keep what arrived; the status still decides the exception.
            }

            if (filled > maxBytes)
            {
                if (!keepPartial)
                {
                    throw new ResponseTooLargeException(maxBytes, null);
                }

                filled = maxBytes;
                truncated = true;
            }

            var buffered = new BufferedContent(buffer, filled, truncated, original.Headers);
            if (keepPartial)
            {
                // An error keeps every content header: the exception carries them all.
                foreach (var header in original.Headers.NonValidated)
                {
                    if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }
            }

            buffer = null!;
            response.Content = buffered;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            original.Dispose();
        }
    }

    private static byte[] Grow(byte[] buffer, int filled, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
