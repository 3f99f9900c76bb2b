using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// A tiny HTTP/1.1 server on a raw socket, for transport failures WireMock cannot produce: it reads each request's
/// headers, writes <c>head</c>, then (after <c>bodyDelay</c>) <c>body</c>, and closes the connection.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    public RawHttpServer(string head, string body = "", TimeSpan bodyDelay = default)
    {
        _listener.Start();
        _ = AcceptLoopAsync(Encoding.ASCII.GetBytes(head), Encoding.UTF8.GetBytes(body), bodyDelay);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>How many requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    // Sockets that hold a port bound but never listen: connecting is refused, and no other test's server can take the
    // port in the meantime (freeing a probed port and connecting later races with parallel tests). Kept for the process.
    private static readonly System.Collections.Concurrent.ConcurrentBag<Socket> ReservedPorts = [];

    /// <summary>A loopback address nothing listens on, and nothing will: connecting to it is refused.</summary>
    public static Uri ClosedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        ReservedPorts.Add(socket);
        return new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}/");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(byte[] head, byte[] body, TimeSpan bodyDelay)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client, head, body, bodyDelay);
        }
    }

    private async Task ServeAsync(TcpClient client, byte[] head, byte[] body, TimeSpan bodyDelay)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestHeadAsync(stream);
                Interlocked.Increment(ref _requests);
                await stream.WriteAsync(head, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                if (bodyDelay > TimeSpan.Zero)
                {
                    await Task.Delay(bodyDelay, TimeProvider.System, _stop.Token);
                }

                await stream.WriteAsync(body, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                // Closing with data in flight would send a reset; let the client read what was sent, then end the connection.
                client.Client.Shutdown(SocketShutdown.Send);
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away first; nothing to do.
            }
        }
    }

    private async Task ReadRequestHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        // The body, if any, is left unread: a JSON POST body is small and already in the socket buffer.
    }
}
