using System.Net;
using System.Net.Sockets;
using DataPulse.Client.Testing;
using DataPulse.Client.Testing.Tests.Infrastructure;

namespace DataPulse.Client.Testing.Tests.Hosting;

public sealed class SandboxHostTests : SandboxTests
{
    [Fact]
    public void BaseAddress_IsPlainHttpOnLoopbackWithAPort()
    {
        Sandbox.BaseAddress.Scheme.Should().Be("http");
        Sandbox.BaseAddress.Host.Should().Be("127.0.0.1");
        Sandbox.BaseAddress.Port.Should().BePositive();
        Sandbox.BaseAddress.AbsolutePath.Should().Be("/");
    }

    [Fact]
    public async Task TwoSandboxes_ListenOnDifferentPorts()
    {
        await using var other = DataPulseSandbox.Start();

        other.BaseAddress.Port.Should().NotBe(Sandbox.BaseAddress.Port);
    }

    [Fact]
    public async Task JsonAnswers_CarryContentLengthAndContentType()
    {
        using var http = Http();

        using var response = await http.GetAsync("v1/customers/cust_92f8a3b1");
        var body = await response.Content.ReadAsByteArrayAsync();

        response.Content.Headers.ContentLength.Should().Be(body.LongLength);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.Contains("Server").Should().BeFalse();
    }

    [Fact]
    public async Task Dispose_ReleasesThePort()
    {
        var sandbox = DataPulseSandbox.Start();
        var port = sandbox.BaseAddress.Port;

        sandbox.Dispose();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var connect = () => socket.ConnectAsync(IPAddress.Loopback, port);
        await connect.Should().ThrowAsync<SocketException>();
    }
}
