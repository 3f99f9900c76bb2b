using System.Diagnostics;
using DataPulse.Client.Testing;

namespace DataPulse.Client.Testing.Tests.Hosting;

/// <summary>
/// A sandbox started inside an app under WebApplicationFactory keeps its host to itself: the factory configures whichever
/// host is built in the entry point's async flow, and it must not be the sandbox's.
/// </summary>
public sealed class HostingDiagnosticsTests
{
    [Fact]
    public async Task Start_InAFlowAHostingListenerWatches_BuildsNoHostThatListenerSees()
    {
        using var listener = new FlowScopedHostingListener();

        await listener.RunInItsFlow(async () =>
        {
            await using var sandbox = DataPulseSandbox.Start();
        });

        listener.HostsSeenBuilding.Should().Be(0, "WebApplicationFactory would put its TestServer into a host it sees building");
    }

    /// <summary>Listens to hosting events as Microsoft.Extensions.HostFactoryResolver does: only those raised in its own async flow.</summary>
    private sealed class FlowScopedHostingListener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<FlowScopedHostingListener?> Current = new();
        private readonly IDisposable _subscription;
        private readonly List<IDisposable> _hosting = [];
        private int _seen;

        public FlowScopedHostingListener() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

        public int HostsSeenBuilding => Volatile.Read(ref _seen);

        public async Task RunInItsFlow(Func<Task> body)
        {
            Current.Value = this;
            try
            {
                await body();
            }
            finally
            {
                Current.Value = null;
            }
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.Extensions.Hosting")
            {
                lock (_hosting)
                {
                    _hosting.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "HostBuilding" && Current.Value == this)
            {
                Interlocked.Increment(ref _seen);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _subscription.Dispose();
            lock (_hosting)
            {
                _hosting.ForEach(h => h.Dispose());
            }
        }
    }
}
