using System.Security.Cryptography;
using System.Text;
using DataPulse.Client.Http;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// One rate-limit window as this process sees it: named by base address and a hash of the API key (never the key), with
/// the requests this process has out on it and the callers waiting, first come first served. Every answer wakes the first
/// waiter, who asks the store again; a waiter let go wakes the next, so one answer can let several go.
/// </summary>
internal sealed class RateLimitScope(string name)
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private int _inFlight;
    private int _waiting;
    private long _answers;
    private long _nextLease;
    private DateTimeOffset _loggedHold;

    /// <summary>The base address and the key's hash, for example <c>https://api.datapulse.io/#k=3f…</c>.</summary>
    public string Name { get; } = name;

    /// <summary>This process's requests let go on the window and not answered yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>How many answers this process has seen on the window: a waiter asks again if one arrived while it decided to wait.</summary>
    public long Answers => Interlocked.Read(ref _answers);

    public bool HasWaiters => Volatile.Read(ref _waiting) > 0;

    /// <summary>When nothing is out and nobody waits, the scope holds nothing worth keeping.</summary>
    public bool IsIdle => InFlight == 0 && !HasWaiters;

    public static string NameOf(Uri baseAddress, string apiKey)
    {
        // A truncated SHA-256 tells keys apart without the store ever holding one.
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(apiKey), hash);
        return TransportSecurity.Normalize(baseAddress).AbsoluteUri + "#k=" + Convert.ToHexString(hash[..16]);
    }

    public long NextLeaseId() => Interlocked.Increment(ref _nextLease);

    public void Sent() => Interlocked.Increment(ref _inFlight);

    /// <summary>A request out was answered (or gave up): the first waiter asks again.</summary>
    public void Answered()
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _answers);
        WakeFirst();
    }

    /// <summary>Joins the end of the queue.</summary>
    public Waiter Join()
    {
        var waiter = new Waiter(this);
        lock (_gate)
        {
            waiter.Node = _waiters.AddLast(waiter);
            _waiting++;
        }

        return waiter;
    }

    /// <summary>Whether <paramref name="waiter"/> is first in the queue: only the first asks the store.</summary>
    public bool IsFirst(Waiter waiter)
    {
        lock (_gate)
        {
            return _waiters.First == waiter.Node;
        }
    }

    /// <summary>Leaves the queue (let go, refused, or gave up) and wakes whoever is first now.</summary>
    public void Leave(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is not null)
            {
                _waiters.Remove(waiter.Node);
                _waiting--;
            }
        }

        WakeFirst();
    }

    /// <summary>Whether a hold until <paramref name="until"/> is new to this process's log: it is told once per window, not per call.</summary>
    public bool IsNewHold(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (_loggedHold == until)
            {
                return false;
            }

            _loggedHold = until;
            return true;
        }
    }

    private void WakeFirst()
    {
        Waiter? first;
        lock (_gate)
        {
            first = _waiters.First?.Value;
        }

        first?.Wake();
    }

    /// <summary>One caller in the queue, woken when it is first and something changed (an answer, or the one before it left).</summary>
    internal sealed class Waiter(RateLimitScope scope)
    {
        private TaskCompletionSource? _signal;
        private bool _woken;

        public LinkedListNode<Waiter>? Node { get; set; }

        /// <summary>A task that completes at the next wake (at once if one came since the last).</summary>
        public Task Arm()
        {
            lock (scope._gate)
            {
                if (_woken)
                {
                    _woken = false;
                    return Task.CompletedTask;
                }

                _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _signal.Task;
            }
        }

        public void Wake()
        {
            TaskCompletionSource? signal;
            lock (scope._gate)
            {
                signal = _signal;
                _signal = null;
                _woken = signal is null;
            }

            signal?.TrySetResult();
        }
    }
}
