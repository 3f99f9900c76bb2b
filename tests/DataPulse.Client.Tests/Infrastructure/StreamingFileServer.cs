using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// A one-request HTTP/1.1 server on a raw loopback socket that streams a large generated body from one small buffer,
/// so the test measures the client, not a mock server that buffers the body itself.
/// </summary>
public sealed class StreamingFileServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private long _written;

    public StreamingFileServer(long bodyLength, string contentType, string fileName)
    {
        _listener.Start();
        Served = ServeOnceAsync(bodyLength, contentType, fileName, _stop.Token);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Body bytes handed to the socket so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    public Task Served { get; }

    private async Task ServeOnceAsync(long bodyLength, string contentType, string fileName, CancellationToken cancellationToken)
    {
        using var socket = await _listener.AcceptSocketAsync(cancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await ReadRequestAsync(stream, cancellationToken);

        var head = $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {bodyLength}\r\n" +
                   $"Content-Disposition: attachment; filename=\"{fileName}\"\r\nX-Trace-Id: trc_stream\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);

        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        for (long left = bodyLength; left > 0;)
        {
            var n = (int)Math.Min(chunk.Length, left);
            await stream.WriteAsync(chunk.AsMemory(0, n), cancellationToken);
            Interlocked.Add(ref _written, n);
            left -= n;
        }

        socket.Shutdown(SocketShutdown.Send);
    }

    private static async Task ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOf(received, "\r\n\r\n"u8)) < 0)
        {
            var n = await stream.ReadAsync(buffer, cancellationToken);
            if (n == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, n));
        }

        var head = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var bodyLength = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim());
        var haveBody = received.Count - headerEnd - 4;
        while (haveBody < bodyLength)
        {
            var n = await stream.ReadAsync(buffer, cancellationToken);
            if (n == 0)
            {
                return;
            }

            haveBody += n;
        }
    }

    private static int IndexOf(List<byte> data, ReadOnlySpan<byte> pattern)
    {
        for (var i = 0; i + pattern.Length <= data.Count; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = data[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
