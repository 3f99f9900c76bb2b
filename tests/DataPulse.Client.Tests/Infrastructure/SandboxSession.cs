using DataPulse.Client.Testing;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// The real <see cref="DataPulseClient"/> against a fresh in-process sandbox, with the client's time on a
/// <see cref="TimerRecordingClock"/> so every wait the SDK makes (Retry-After, report polling) is driven, not slept. One per test.
/// </summary>
public sealed class SandboxSession : IAsyncDisposable
{
    public DataPulseSandbox Sandbox { get; } = DataPulseSandbox.Start();

    public TimerRecordingClock Clock { get; } = new();

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();

    /// <summary>A client on <see cref="Clock"/>. The timeouts are a day long: the clock is moved while real HTTP is in
    /// flight, and a timeout firing on moved fake time would be a test artefact, not an SDK behaviour.</summary>
    public DataPulseClient CreateClient(Action<DataPulseClientOptions>? configure = null) =>
        Sandbox.CreateClient(options =>
        {
            options.TimeProvider = Clock;
            options.Timeout = TimeSpan.FromDays(1);
            options.AttemptTimeout = TimeSpan.FromDays(1);
            configure?.Invoke(options);
        });

    /// <summary>Moves <see cref="Clock"/> a second at a time until <paramref name="call"/> finishes, then awaits it.</summary>
    public async Task<T> DriveAsync<T>(Task<T> call)
    {
        await Clock.DriveAsync(call, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        call.IsCompleted.Should().BeTrue("the call should finish once the clock has moved past every wait it asked for");
        return await call;
    }

    /// <summary>The requests the sandbox received, as <c>"METHOD path status"</c>.</summary>
    public IReadOnlyList<string> Calls() =>
        Sandbox.ReceivedRequests.Select(r => FormattableString.Invariant($"{r.Method} {r.Path} {r.StatusCode}")).ToList();
}
