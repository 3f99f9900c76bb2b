using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DataPulse.Client.LoadScenarios;

/// <summary>A throwaway <c>redis-server</c> on a free loopback port, nothing saved, stopped by its pid.</summary>
internal sealed class RedisServer : IDisposable
{
    private readonly string _pidFile = Path.Combine(Path.GetTempPath(), $"datapulse-load-redis-{Environment.ProcessId}.pid");
    private bool _stopped;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public static RedisServer Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new RedisServer(port);
        using var process = Process.Start(new ProcessStartInfo("redis-server",
            $"--port {port} --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile {server._pidFile}")
        { UseShellExecute = false })!;
        process.WaitForExit();
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(10);
        while (TimeProvider.System.GetUtcNow().UtcDateTime < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System).Wait();
            }
        }

        throw new InvalidOperationException($"redis-server did not start on port {port}.");
    }

    public void Stop()
    {
        if (_stopped || !File.Exists(_pidFile))
        {
            return;
        }

        _stopped = true;
        using var process = Process.GetProcessById(int.Parse(File.ReadAllText(_pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        process.Kill();
        process.WaitForExit(5000);
        File.Delete(_pidFile);
    }

    public void Dispose() => Stop();
}
