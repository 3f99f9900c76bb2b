using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>How a <see cref="ScriptedServer.File"/> script ends the body.</summary>
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
/// A raw socket HTTP/1.1 server on a random loopback port that answers every request with a script: whatever bytes,
/// at whatever pace, for as long as it likes (a stalled, trickling or endless body; a redirect; a wrong length; a huge
/// generated file; a reset mid-body). WireMock buffers bodies and always ends them cleanly; this does what it cannot.
/// It records each request's head and body. Scripts end when the server is disposed.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Stream, ReceivedRequest, CancellationToken, Task> _script;
    private readonly Task _accepting;
    private readonly TaskCompletionSource _served = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesWritten;

    // Sockets that hold a port bound but never listen: connecting is refused, and no other test's server can take the
    // port in the meantime (freeing a probed port and connecting later races with parallel tests). Kept for the process.
    private static readonly ConcurrentBag<Socket> ReservedPorts = [];

    public ScriptedServer(Func<Stream, ReceivedRequest, CancellationToken, Task> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>How many requests arrived.</summary>
    public int Requests => Received.Count;

    /// <summary>Bytes handed to the sockets so far, heads included.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Completes when a script has run to its end; faults if a script broke off (the client went away).</summary>
    public Task Served => _served.Task;

    /// <summary>The byte a <see cref="File"/> body holds at a position.</summary>
    public static byte ByteAt(long position) => (byte)(position % 256);

    /// <summary>A loopback address nothing listens on, and nothing will: connecting to it is refused.</summary>
    public static Uri ClosedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        ReservedPorts.Add(socket);
        return new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}/");
    }

    /// <summary>Sends a head (status line and headers, without the blank line) and then the body text.</summary>
    public static async Task SendAsync(Stream stream, string head, string body, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n\r\n"), cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(body), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>A script: never answers (the request is read, then nothing is sent until the server stops).</summary>
    public static Func<Stream, ReceivedRequest, CancellationToken, Task> Silent() => (_, _, ct) =>
        Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);

    /// <summary>
    /// A script: <paramref name="rawHead"/> exactly as given (blank line included), then after <paramref name="bodyDelay"/>
    /// the body, then the connection is closed: a body shorter than its Content-Length is a connection broken mid-answer.
    /// </summary>
    public static Func<Stream, ReceivedRequest, CancellationToken, Task> Respond(string rawHead, string body = "", TimeSpan bodyDelay = default) => async (stream, _, ct) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(rawHead), ct);
        await stream.FlushAsync(ct);
        if (bodyDelay > TimeSpan.Zero)
        {
            await Task.Delay(bodyDelay, TimeProvider.System, ct);
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(body), ct);
        await EndAsync(stream, BodyEnding.Close, ct);
    };

    /// <summary>
    /// A script: a 200 file download declaring <paramref name="declaredLength"/> as its Content-Length and sending
    /// <paramref name="bytesToSend"/> bytes (all by default) of <see cref="ByteAt"/>, or of <paramref name="fill"/>,
    /// from one reused 64 KiB buffer, so a huge body costs the test no memory; then it ends as <paramref name="ending"/> says.
    /// </summary>
    public static Func<Stream, ReceivedRequest, CancellationToken, Task> File(
        long declaredLength,
        long? bytesToSend = null,
        BodyEnding ending = BodyEnding.Close,
        string contentType = "text/csv",
        string fileName = "big.csv",
        byte? fill = null) => async (stream, _, ct) =>
    {
        // The chunk is a multiple of 256 long, so every chunk starts at a position whose pattern byte is 0.
        var chunk = new byte[64 * 1024];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = fill ?? ByteAt(i);
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {declaredLength}\r\nContent-Disposition: attachment; filename=\"{fileName}\"\r\nX-Trace-Id: trc_stream\r\nConnection: close\r\n\r\n")), ct);
        for (long left = bytesToSend ?? declaredLength; left > 0;)
        {
            var count = (int)Math.Min(chunk.Length, left);
            await stream.WriteAsync(chunk.AsMemory(0, count), ct);
            left -= count;
        }

        await EndAsync(stream, ending, ct);
    };

    /// <summary>A script: the head, then nothing more until the connection is closed.</summary>
    public static Func<Stream, ReceivedRequest, CancellationToken, Task> Stall(string head) => async (stream, _, ct) =>
    {
        await SendAsync(stream, head, string.Empty, ct);
        await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
    };

    /// <summary>A script: the head, then one byte of <paramref name="fill"/> every <paramref name="pace"/>, forever.</summary>
    public static Func<Stream, ReceivedRequest, CancellationToken, Task> Trickle(string head, TimeSpan pace, byte fill = (byte)' ') => async (stream, _, ct) =>
    {
        await SendAsync(stream, head, string.Empty, ct);
        while (true)
        {
            await stream.WriteAsync(new[] { fill }, ct);
            await stream.FlushAsync(ct);
            await Task.Delay(pace, TimeProvider.System, ct);
        }
    };

    /// <summary>A script: the head, then 64 KiB chunks of <paramref name="fill"/> as fast as the client reads, forever.</summary>
    public static Func<Stream, ReceivedRequest, CancellationToken, Task> Endless(string head, byte fill = (byte)' ') => async (stream, _, ct) =>
    {
        await SendAsync(stream, head, string.Empty, ct);
        var chunk = Enumerable.Repeat(fill, 64 * 1024).ToArray();
        while (true)
        {
            await stream.WriteAsync(chunk, ct);
        }
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    internal void CountWritten(long count) => Interlocked.Add(ref _bytesWritten, count);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = new CountingStream(socket.GetStream(), this);
                var request = await ReadRequestAsync(stream, _stop.Token);
                Received.Enqueue(request);
                await _script(stream, request, _stop.Token);
                _served.TrySetResult();
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client gave up or the server stopped: either ends the script.
                if (!_stop.IsCancellationRequested)
                {
                    _served.TrySetException(ex);
                }
            }
        }
    }

    private static async Task EndAsync(Stream stream, BodyEnding ending, CancellationToken cancellationToken)
    {
        await stream.FlushAsync(cancellationToken);
        var socket = ((CountingStream)stream).Socket;
        switch (ending)
        {
            case BodyEnding.Reset:
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                break;
            case BodyEnding.Stall:
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
                break;
            default:
                // Closing with data in flight would send a reset; let the client read what was sent, then end the connection.
                socket.Shutdown(SocketShutdown.Send);
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
                break;
        }
    }

    private static async Task<ReceivedRequest> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 4 || !(bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The client closed the connection before sending a whole request head.");
            }

            bytes.Add(one[0]);
        }

        var head = Encoding.ASCII.GetString(bytes.ToArray());
        var headers = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = Array.Empty<byte>();
        if (headers.TryGetValue("Content-Length", out var length) && int.TryParse(length, out var count) && count > 0)
        {
            body = new byte[count];
            await stream.ReadExactlyAsync(body, cancellationToken);
        }

        return new ReceivedRequest(head.Split("\r\n")[0], headers, Encoding.UTF8.GetString(body));
    }
}

/// <summary>The connection's stream, counting what is written to it into <see cref="ScriptedServer.BytesWritten"/>.</summary>
internal sealed class CountingStream(NetworkStream inner, ScriptedServer owner) : Stream
{
    public Socket Socket => inner.Socket;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        owner.CountWritten(count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        owner.CountWritten(buffer.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>What a <see cref="ScriptedServer"/> received: the request line, its headers and its body.</summary>
public sealed record ReceivedRequest(string RequestLine, IReadOnlyDictionary<string, string> Headers, string Body);
