using System.Net;

namespace DataPulse.Client.Testing.Scenarios;

/// <summary>The armed scenarios. Every member takes the one lock, so concurrent calls each consume exactly one injection.</summary>
internal sealed class ScenarioState
{
    private readonly object _gate = new();
    private int _rateLimitedCalls;
    private TimeSpan _retryAfter;
    private int _failingCalls;
    private HttpStatusCode _failureStatus;
    private TimeSpan _latency;
    private int? _exportPolls;
    private bool _dropNextDownload;

    public void RateLimit(int calls, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        lock (_gate)
        {
            _rateLimitedCalls = calls;
            _retryAfter = retryAfter;
        }
    }

    public void Fail(int calls, HttpStatusCode status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        if ((int)status < 400 || (int)status > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Use an error status from 400 to 599.");
        }

        lock (_gate)
        {
            _failingCalls = calls;
            _failureStatus = status;
        }
    }

    public void AddLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_gate)
        {
            _latency += latency;
        }
    }

    public void MakeExportsAsynchronous(int pollsBeforeReady)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pollsBeforeReady);
        lock (_gate)
        {
            _exportPolls = pollsBeforeReady;
        }
    }

    public void DropNextDownload()
    {
        lock (_gate)
        {
            _dropNextDownload = true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _rateLimitedCalls = 0;
            _failingCalls = 0;
            _latency = TimeSpan.Zero;
            _exportPolls = null;
            _dropNextDownload = false;
        }
    }

    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }
    }

    /// <summary>The polls a new export needs before it is ready, or null while exports answer at once.</summary>
    public int? ExportPolls
    {
        get
        {
            lock (_gate)
            {
                return _exportPolls;
            }
        }
    }

    public bool TryTakeRateLimit(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            retryAfter = _retryAfter;
            if (_rateLimitedCalls == 0)
            {
                return false;
            }

            _rateLimitedCalls--;
            return true;
        }
    }

    public bool TryTakeFailure(out HttpStatusCode status)
    {
        lock (_gate)
        {
            status = _failureStatus;
            if (_failingCalls == 0)
            {
                return false;
            }

            _failingCalls--;
            return true;
        }
    }

    public bool TryTakeDownloadDrop()
    {
        lock (_gate)
        {
            var armed = _dropNextDownload;
            _dropNextDownload = false;
            return armed;
        }
    }
}
