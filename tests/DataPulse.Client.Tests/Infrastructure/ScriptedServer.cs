using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// A raw socket HTTP/1.1 server on a random loopback port that answers every request with a script: whatever bytes,
/// at whatever pace, for as long as it likes (a stalled, trickling or endless body; a redirect; a wrong length). It
/// records each request's head and body. Scripts end when the server is disposed.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Stream, ReceivedRequest, CancellationToken, Task> _script;
    private readonly Task _accepting;

    public ScriptedServer(Func<Stream, ReceivedRequest, CancellationToken, Task> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Sends a head (status line and headers, without the blank line) and then the body text.</summary>
    public static async Task SendAsync(Stream stream, string head, string body, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n\r\n"), cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(body), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

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
                var stream = socket.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                Received.Enqueue(request);
                await _script(stream, request, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client gave up or the server stopped: either ends the script.
            }
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

/// <summary>What a <see cref="ScriptedServer"/> received: the request line, its headers and its body.</summary>
public sealed record ReceivedRequest(string RequestLine, IReadOnlyDictionary<string, string> Headers, string Body);
