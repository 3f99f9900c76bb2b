namespace DataPulse.Client.Testing.RequestLog;

/// <summary>The requests a sandbox answered, oldest first.</summary>
internal sealed class ReceivedRequestLog
{
    private readonly object _gate = new();
    private readonly List<SandboxRequest> _requests = [];

    public void Add(SandboxRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
