using System.Diagnostics;
using System.Globalization;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// The loopback API (DataPulse.Client.Benchmarks.Server) in its own process, so that its CPU and allocations never count
/// as the client's. It stops when this process closes its standard input, and is killed if it does not.
/// </summary>
public sealed class BenchServer : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _stats;

    private BenchServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
        // A client of its own, so that reading the counters opens one connection once and never touches the measured pools.
        _stats = new HttpClient { BaseAddress = url };
    }

    public Uri Url { get; }

    public static BenchServer Start(long exportBytes = 1L << 30, string rateLimitHeaders = "past")
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "DataPulse.Client.Benchmarks.Server", "bin", configuration, framework, "DataPulse.Client.Benchmarks.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the server first: dotnet build -c {configuration} tests/DataPulse.Client.Benchmarks.Server", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--export-bytes");
        start.ArgumentList.Add(exportBytes.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--rate-limit-headers");
        start.ArgumentList.Add(rateLimitHeaders);
        var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The benchmark server did not start: {line}");
        }

        return new BenchServer(process, new Uri(line["listening ".Length..].Trim() + "/"));
    }

    /// <summary>Connections the server accepted since it started, and how many are open now.</summary>
    public async Task<(long Total, long Open)> ConnectionsAsync()
    {
        var text = await _stats.GetStringAsync("stats");
        var parts = text.Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        _stats.Dispose();
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
