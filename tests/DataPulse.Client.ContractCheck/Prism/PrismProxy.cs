using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DataPulse.Client.ContractCheck.Prism;

/// <summary>
/// One <c>prism proxy &lt;openapi&gt; &lt;upstream&gt; --errors</c> process on a free loopback port: every request through it
/// is checked against the OpenAPI document before it goes upstream, and every answer before it comes back; with
/// <c>--errors</c> a violation replaces the answer with Prism's own error. Stopped, with its children, on dispose.
/// </summary>
internal sealed class PrismProxy : IAsyncDisposable
{
    private const string ListeningMarker = "Prism is listening on";
    private const int LogLinesKept = 200;
    private const int StartAttempts = 3;

    private readonly Process _process;
    private readonly Queue<string> _log = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PrismProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where to send requests: <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts Prism and waits until it listens.</summary>
    /// <param name="prism">The <c>prism</c> executable (node_modules/.bin/prism).</param>
    /// <param name="document">The OpenAPI document.</param>
    /// <param name="upstream">The server the proxy forwards to.</param>
    /// <param name="startTimeout">How long Prism may take to listen (node starting on a loaded machine).</param>
    public static async Task<PrismProxy> StartAsync(string prism, string document, Uri upstream, TimeSpan startTimeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(prism, document, upstream, startTimeout).ConfigureAwait(false);
            }
            catch (PrismExitedException) when (attempt < StartAttempts)
            {
                // Most likely another process took the free port first; try another.
            }
        }
    }

    private static async Task<PrismProxy> StartOnceAsync(string prism, string document, Uri upstream, TimeSpan startTimeout)
    {
        var port = FreeLoopbackPort();
        var info = new ProcessStartInfo(prism)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "proxy", document, upstream.GetLeftPart(UriPartial.Authority), "--errors",
                     "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }

        // Plain log lines: the readiness marker is matched as text.
        info.Environment["FORCE_COLOR"] = "0";
        info.Environment["NO_COLOR"] = "1";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var proxy = new PrismProxy(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        process.OutputDataReceived += (_, e) => proxy.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.OnLine(e.Data);
        process.Exited += (_, _) => proxy._listening.TrySetException(
            new PrismExitedException($"prism exited with code {process.ExitCode} before it listened.\n{proxy.Log}"));
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {prism}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Real time on purpose: this waits for a real process.
            await proxy._listening.Task.WaitAsync(startTimeout, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"prism did not listen within {startTimeout.TotalSeconds:0} s.\n{proxy.Log}");
        }
        catch
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return proxy;
    }

    /// <summary>Prism's last log lines (its own view of each request and violation), for a failure report.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > LogLinesKept)
            {
                _log.Dequeue();
            }
        }

        if (line.Contains(ListeningMarker, StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    /// <summary>Prism ended before it listened (a port taken in the meantime, a document it cannot read).</summary>
    private sealed class PrismExitedException(string message) : InvalidOperationException(message);

    private static int FreeLoopbackPort()
    {
        // A small race (another process may take the port before Prism binds it); Prism then exits, and StartAsync retries.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
