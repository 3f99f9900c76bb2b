using DataPulse.Client.Tests.Infrastructure;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary>A disposed client says so: ObjectDisposedException, before a call and for calls still running.</summary>
public sealed class DisposedClientTests
{
    [Fact]
    public async Task CallAfterDispose_ThrowsObjectDisposed()
    {
        var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = ScriptedServer.ClosedPort() });
        client.Dispose();

        (await client.Customers.Invoking(c => c.GetAsync("cust_1")).Should().ThrowAsync<ObjectDisposedException>())
            .Which.ObjectName.Should().Be(nameof(DataPulseClient));
    }

    [Fact]
    public async Task DisposeDuringACall_EndsItWithObjectDisposed()
    {
        await using var server = new ScriptedServer(ScriptedServer.Stall("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10"));
        var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = server.BaseAddress });
        var call = client.Customers.GetAsync("cust_1");
        while (server.Received.IsEmpty)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        client.Dispose();

        await call.Invoking(c => c).Should().ThrowAsync<ObjectDisposedException>().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CallerCancellation_StaysOperationCanceled()
    {
        await using var server = new ScriptedServer(ScriptedServer.Stall("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10"));
        using var client = new DataPulseClient(new DataPulseClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = server.BaseAddress });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300), TimeProvider.System);

        (await client.Customers.Invoking(c => c.GetAsync("cust_1", cts.Token)).Should().ThrowAsync<OperationCanceledException>().WaitAsync(TimeSpan.FromSeconds(10)))
            .Which.CancellationToken.Should().Be(cts.Token);
    }
}
