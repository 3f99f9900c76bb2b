using DataPulse.Client.Testing;

namespace DataPulse.Client.Testing.Tests.Infrastructure;

/// <summary>Base for tests against one fresh sandbox per test, stopped afterwards.</summary>
public abstract class SandboxTests : IAsyncLifetime
{
    protected SandboxTests(DataPulseSandboxOptions? options = null) => Sandbox = DataPulseSandbox.Start(options);

    protected DataPulseSandbox Sandbox { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();

    /// <summary>Plain HTTP to the sandbox with the full-access key (or <paramref name="apiKey"/>), no SDK in between.</summary>
    protected HttpClient Http(string? apiKey = null) => SandboxHttp.Client(Sandbox, apiKey ?? Sandbox.ApiKey);
}
