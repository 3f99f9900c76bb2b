using DataPulse.Client.Reports;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>A synchronous <see cref="IProgress{T}"/> that keeps every report (<see cref="Progress{T}"/> would post them later).</summary>
public sealed class RecordingProgress(Action<DownloadProgress>? onReport = null) : IProgress<DownloadProgress>
{
    private readonly List<DownloadProgress> _reports = [];

    public IReadOnlyList<DownloadProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToArray();
            }
        }
    }

    public void Report(DownloadProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
