using WireMock.Logging;
using WireMock.Server;

namespace DataPulse.Client.Tests.Infrastructure;

/// <summary>
/// A WireMock.Net server on a random loopback port plus clients pointed at it. A test class shares one through
/// <c>IClassFixture&lt;ApiServer&gt;</c> and calls <see cref="Reset"/> in its constructor: the tests of a class run one
/// at a time, so each starts with no mappings, no log and no scenario state, and the suite starts one server per class,
/// not one per test. A delayed answer that outlives its test is logged after the next test's reset: a class that both
/// leaves such answers and reads the request log needs a server per test (<c>using var api = new ApiServer();</c>).
/// </summary>
public sealed class ApiServer : IDisposable
{
    /// <summary>A well-formed sandbox key (prefix + 30 letters/digits).</summary>
    public const string ApiKey = "dp_test_sk_Q7w2E9r4T6y1U3i8O5p0A2s4D6f8G1";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public Uri BaseAddress => new(Server.Url!);

    public DataPulseClientOptions Options(Action<DataPulseClientOptions>? configure = null) => TestOptions.For(BaseAddress, configure);

    public DataPulseClient CreateClient(Action<DataPulseClientOptions>? configure = null) => new(Options(configure));

    /// <summary>Forgets every mapping, logged request and scenario state; returns this server.</summary>
    public ApiServer Reset()
    {
        Server.Reset();
        return this;
    }

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    public ILogEntry SingleRequest() => Requests.Should().ContainSingle().Subject;

    public void Dispose() => Server.Stop();
}
