using WireMock.Logging;
using WireMock.Server;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// A WireMock.Net server on a random loopback port plus clients pointed at it. One per test class instance
/// (xUnit builds a new instance per test), so tests never share state.
/// </summary>
public sealed class ApiServer : IDisposable
{
    /// <summary>A well-formed sandbox key (prefix + 30 letters/digits).</summary>
    public const string ApiKey = "dp_test_sk_Q7w2E9r4T6y1U3i8O5p0A2s4D6f8G1";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public Uri BaseAddress => new(Server.Url!);

    public DataPulseClientOptions Options(Action<DataPulseClientOptions>? configure = null) => TestOptions.For(BaseAddress, configure);

    public DataPulseClient CreateClient(Action<DataPulseClientOptions>? configure = null) => new(Options(configure));

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    public ILogEntry SingleRequest() => Requests.Should().ContainSingle().Subject;

    public void Dispose() => Server.Stop();
}
