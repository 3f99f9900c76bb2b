using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>How a <see cref="RawHttpResponder"/> ends the body.</summary>
public enum BodyEnding
{
    /// <summary>Sends the bytes, then closes normally.</summary>
    Close,

    /// <summary>Sends the bytes, then resets the connection (RST).</summary>
    Reset,

    /// <summary>Sends the bytes, then keeps the connection open, sending nothing more, until disposed.</summary>
    Stall,
}

/// <summary>
/// A minimal HTTP/1.1 server on a loopback port that answers every request with a file body generated on the fly from
/// one reused buffer (so a huge body costs the test no memory), declaring <c>Content-Length</c> and sending as many
/// bytes as asked, then ending as asked. WireMock buffers bodies and cannot break a connection mid-body; this can.
/// </summary>
public sealed class RawHttpResponder : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly long _declaredLength;
    private readonly long _bytesToSend;
    private readonly BodyEnding _ending;
    private readonly Task _serving;
    private int _requests;

    public RawHttpResponder(long declaredLength, long? bytesToSend = null, BodyEnding ending = BodyEnding.Close)
    {
        _declaredLength = declaredLength;
        _bytesToSend = bytesToSend ?? declaredLength;
        _ending = ending;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The byte the body holds at a position.</summary>
    public static byte ByteAt(long position) => (byte)(position % 256);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var chunk = new byte[ChunkSize];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = ByteAt(i);
        }

        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _requests);
            await using var stream = client.GetStream();
            try
            {
                await ReadRequestAsync(stream, _stop.Token);
                var head = string.Create(
                    CultureInfo.InvariantCulture,
                    $"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: {_declaredLength}\r\nContent-Disposition: attachment; filename=\"big.csv\"\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                long sent = 0;
                while (sent < _bytesToSend)
                {
                    // ChunkSize is a multiple of 256, so every chunk starts at a position whose pattern byte is 0.
                    var count = (int)Math.Min(ChunkSize, _bytesToSend - sent);
                    await stream.WriteAsync(chunk.AsMemory(0, count), _stop.Token);
                    sent += count;
                }

                await stream.FlushAsync(_stop.Token);
                switch (_ending)
                {
                    case BodyEnding.Reset:
                        client.Client.LingerState = new LingerOption(true, 0);
                        client.Client.Close();
                        break;
                    case BodyEnding.Stall:
                        await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, _stop.Token);
                        break;
                    default:
                        client.Client.Shutdown(SocketShutdown.Send);
                        break;
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (for example it cancelled): serve the next one.
            }
        }
    }

    private static async Task ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The client closed before sending a request.");
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var head = Encoding.ASCII.GetString(received.GetRange(0, headerEnd).ToArray());
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var bodyLength = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        var bodyReceived = received.Count - (headerEnd + 4);
        while (bodyReceived < bodyLength)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            bodyReceived += read;
        }
    }

    private static int IndexOfHeaderEnd(List<byte> data)
    {
        for (var i = 3; i < data.Count; i++)
        {
            if (data[i - 3] == '\r' && data[i - 2] == '\n' && data[i - 1] == '\r' && data[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }
}
