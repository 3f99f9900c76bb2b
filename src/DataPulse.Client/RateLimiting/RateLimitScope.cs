using System.Security.Cryptography;
using System.Text;
using DataPulse.Client.Http;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// One rate-limit window as this process sees it: named by base address and a hash of the API key (never the key), and
/// shared by every client on them, with the requests this process has in flight against it.
/// </summary>
internal sealed class RateLimitScope
{
    private readonly object _gate = new();
    private TaskCompletionSource _answered = NewSignal();
    private int _inFlight;
    private bool _serverReportsNoWindow;

    public RateLimitScope(string name) => Name = name;

    /// <summary>The base address and the key's hash, for example <c>https://api.datapulse.io/#k=3f…</c>.</summary>
    public string Name { get; }

    public int InFlight => Volatile.Read(ref _inFlight);

    public static string NameOf(Uri baseAddress, string apiKey)
    {
        // A truncated SHA-256 tells keys apart without the store ever holding one.
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(apiKey), hash);
        return TransportSecurity.Normalize(baseAddress).AbsoluteUri + "#k=" + Convert.ToHexString(hash[..16]);
    }

    /// <summary>Counts one request in flight.</summary>
    public void Enter() => Interlocked.Increment(ref _inFlight);

    /// <summary>
    /// Lets a request go while no answer has told the window, if fewer than <paramref name="limit"/> are in flight (or the
    /// server sends no rate-limit headers at all); otherwise hands back a task that completes at the next answer.
    /// </summary>
    public bool TryEnterSlowStart(int limit, out Task nextAnswer)
    {
        lock (_gate)
        {
            if (_serverReportsNoWindow || _inFlight < limit)
            {
                _inFlight++;
                nextAnswer = Task.CompletedTask;
                return true;
            }

            nextAnswer = _answered.Task;
            return false;
        }
    }

    /// <summary>A request in flight was answered (or failed); wakes whoever waits for an answer.</summary>
    public void Exit(bool? answerHadWindow)
    {
        TaskCompletionSource answered;
        lock (_gate)
        {
            _inFlight--;
            if (answerHadWindow is { } hadWindow)
            {
                _serverReportsNoWindow = !hadWindow;
            }

            answered = _answered;
            _answered = NewSignal();
        }

        answered.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
