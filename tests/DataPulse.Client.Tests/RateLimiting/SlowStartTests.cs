using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>The first burst, before any answer told the window, is held to a few requests in flight.</summary>
public sealed class SlowStartTests : IDisposable
{
    private readonly ApiServer _api = new();
    private readonly TimerRecordingClock _clock = WindowStubs.ClockAtRealTime();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task FirstBurst_BeforeAnyAnswer_HoldsFourRequestsInFlightUntilOneIsAnswered()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 90, _clock.GetUtcNow().AddSeconds(60)));
        using var gate = new GateHandler();
        using var http = new HttpClient(gate);
        using var client = new DataPulseClient(http, _api.Options(o => o.TimeProvider = _clock));

        var calls = Enumerable.Range(0, 10).Select(_ => client.Customers.GetAsync("cust_1")).ToArray();
        await gate.WaitForHeldAsync(4);
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        gate.Held.Should().Be(4, "no more than four requests go out before the window is known");

        gate.Open();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));
        _api.Requests.Should().HaveCount(10);
    }

    [Fact]
    public async Task PacingOff_FirstBurst_SendsEveryRequestAtOnce()
    {
        WindowStubs.Always(_api, WindowStubs.Customer(remaining: 90, _clock.GetUtcNow().AddSeconds(60)));
        using var gate = new GateHandler();
        using var http = new HttpClient(gate);
        using var client = new DataPulseClient(http, _api.Options(o =>
        {
            o.TimeProvider = _clock;
            o.RateLimitPacing = false;
        }));

        var calls = Enumerable.Range(0, 10).Select(_ => client.Customers.GetAsync("cust_1")).ToArray();
        await gate.WaitForHeldAsync(10);

        gate.Open();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Holds every request before sending it (over real HTTP) until <see cref="Open"/>; counts those held.</summary>
    private sealed class GateHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _held;

        public int Held => Volatile.Read(ref _held);

        public void Open() => _open.TrySetResult();

        public async Task WaitForHeldAsync(int count)
        {
            var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(10);
            while (Held < count)
            {
                TimeProvider.System.GetUtcNow().UtcDateTime.Should().BeBefore(deadline, "{0} requests should have reached the transport", count);
                await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _held);
            await _open.Task.WaitAsync(cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
