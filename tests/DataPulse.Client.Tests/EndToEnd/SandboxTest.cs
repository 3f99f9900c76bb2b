using DataPulse.Client.Testing;
using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.EndToEnd;

/// <summary>
/// Base for the end-to-end tests: the real <see cref="DataPulseClient"/> against a fresh in-process sandbox, with the
/// client's time on a <see cref="TestClock"/> so every wait the SDK makes (Retry-After, report polling) is driven, not slept.
/// </summary>
public abstract class SandboxTest : IAsyncLifetime
{
    protected DataPulseSandbox Sandbox { get; } = DataPulseSandbox.Start();

    protected TestClock Clock { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();

    /// <summary>A client on <see cref="Clock"/>. The timeouts are a day long: the clock is moved while real HTTP is in
    /// flight, and a timeout firing on moved fake time would be a test artefact, not an SDK behaviour.</summary>
    protected DataPulseClient CreateClient(Action<DataPulseClientOptions>? configure = null) =>
        Sandbox.CreateClient(options =>
        {
            options.TimeProvider = Clock;
            options.Timeout = TimeSpan.FromDays(1);
            options.AttemptTimeout = TimeSpan.FromDays(1);
            configure?.Invoke(options);
        });

    /// <summary>Moves <see cref="Clock"/> a second at a time until <paramref name="call"/> finishes, then awaits it.</summary>
    protected async Task<T> DriveAsync<T>(Task<T> call)
    {
        await Clock.DriveAsync(call, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        call.IsCompleted.Should().BeTrue("the call should finish once the clock has moved past every wait it asked for");
        return await call;
    }

    /// <summary>The requests the sandbox received, as <c>"METHOD path status"</c>.</summary>
    protected IReadOnlyList<string> Calls() =>
        Sandbox.ReceivedRequests.Select(r => FormattableString.Invariant($"{r.Method} {r.Path} {r.StatusCode}")).ToList();
}
