using System.Net;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using DataPulse.Client.Pipeline;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary>
/// <see cref="SendStage"/> alone, as the callback at the bottom of an otherwise empty pipeline: a fake transport in place
/// of the network, a fake clock, no HTTP.
/// </summary>
public sealed class SendStageTests
{
    private const string UserAgentValue = "datapulse-dotnet/0.0.0-test (tests)";

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task SendAsync_Attempt_SendsTheKeyUserAgentAndAccept()
    {
        var transport = new FakeTransport(_ => FakeCallback.Response(HttpStatusCode.OK));
        using var call = StageCall.Start(_clock);

        await RunAsync(call, transport);

        transport.Sent.Should().ContainSingle();
        transport.Sent[0].Authorization.Should().Be("Bearer " + ApiServer.ApiKey);
        transport.Sent[0].UserAgent.Should().Be(UserAgentValue);
        transport.Sent[0].Accept.Should().Be("application/json");
    }

    [Fact]
    public async Task SendAsync_AfterTheAttempt_TheKeyIsNoLongerOnTheMessage()
    {
        var transport = new FakeTransport(_ => FakeCallback.Response(HttpStatusCode.OK));
        using var call = StageCall.Start(_clock);

        await RunAsync(call, transport);

        call.Request.Headers.Authorization.Should().BeNull();
        call.Request.Headers.NonValidated.Contains("Authorization").Should().BeFalse();
    }

    [Fact]
    public async Task SendAsync_NoKey_FailsWithTheFactorysMessageAndSendsNothing()
    {
        var transport = new FakeTransport(_ => FakeCallback.Response(HttpStatusCode.OK));
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call, transport, new ApiKeyProvider(() => null));

        outcome.Exception.Should().BeOfType<DataPulseException>().Which.Message.Should().Be(DataPulseExceptionFactory.KeyMissing("Customers.Get").Message);
        transport.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_ErrorAnswer_BodyReadIntoBufferedContentUpToTheCap()
    {
        var body = new byte[ApiErrorReader.ReadLimit + 1000];
        var transport = new FakeTransport(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new FakeCallback.TrackedContent(body) });
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call, transport);

        var buffered = outcome.Result!.Content.Should().BeOfType<BufferedContent>().Subject;
        buffered.Length.Should().Be(ApiErrorReader.ReadLimit);
        buffered.Truncated.Should().BeTrue();
    }

    [Fact]
    public async Task SendAsync_JsonSuccess_ReadWholeIntoBufferedContent()
    {
        var transport = new FakeTransport(_ => FakeCallback.Response(HttpStatusCode.OK));
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call, transport);

        outcome.Result!.Content.Should().BeOfType<BufferedContent>().Which.Length.Should().Be("""{"data":{}}""".Length);
    }

    [Fact]
    public async Task SendAsync_StreamedSuccess_LeftUnread()
    {
        var transport = new FakeTransport(_ => FakeCallback.Response(HttpStatusCode.OK));
        using var call = StageCall.Start(_clock, streams: true, operation: "Reports.Download");

        var outcome = await RunAsync(call, transport);

        var content = outcome.Result!.Content.Should().BeOfType<FakeCallback.TrackedContent>().Subject;
        content.WasRead.Should().BeFalse();
        content.IsDisposed.Should().BeFalse();
    }

    [Fact]
    public async Task SendAsync_AnswerFromAnotherOriginAfterTheKeyWasDropped_IsRefused()
    {
        // What HttpClient does when it follows a redirect to another host: it takes the Authorization header off the message.
        HttpResponseMessage? answer = null;
        var transport = new FakeTransport(request =>
        {
            request.Headers.Authorization = null;
            request.RequestUri = new Uri("https://elsewhere.example/v1/customers/cust_1");
            return answer = FakeCallback.Response(HttpStatusCode.OK);
        });
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call, transport);

        outcome.Exception.Should().BeOfType<RedirectRefusedException>().Which.Target.Should().Be("https://elsewhere.example");
        FakeCallback.IsDisposed(answer!).Should().BeTrue();
    }

    [Fact]
    public async Task SendAsync_CallHeaders_SentOnEveryAttemptExactlyOnce()
    {
        var transport = new FakeTransport(_ => FakeCallback.Response(HttpStatusCode.OK));
        using var call = StageCall.Start(_clock, headers: [new("X-Correlation-Id", "corr-1"), new("X-Tenant", "acme")]);

        // Two attempts on the same message, as a retry sends it.
        (await RunAsync(call, transport)).Result!.Dispose();
        (await RunAsync(call, transport)).Result!.Dispose();

        transport.SentHeaders.Should().HaveCount(2);
        foreach (var sent in transport.SentHeaders)
        {
            sent["X-Correlation-Id"].Should().Equal("corr-1");
            sent["X-Tenant"].Should().Equal("acme");
            sent["Accept"].Should().Equal("application/json");
        }
    }

    [Fact]
    public async Task SendAsync_Answer_ItsStatusAndHeadersAreKeptForTheResult()
    {
        var transport = new FakeTransport(_ =>
        {
            var response = FakeCallback.Response(HttpStatusCode.OK);
            response.Headers.TryAddWithoutValidation("X-Trace-Id", "trc_1");
            response.Headers.TryAddWithoutValidation("X-Custom", ["a", "b"]);
            return response;
        });
        using var call = StageCall.Start(_clock);

        using var answer = (await RunAsync(call, transport)).Result!;
        var info = ResponseHeaderReader.InfoOf(answer, TimeProvider.System);

        info.StatusCode.Should().Be(HttpStatusCode.OK);
        info.Headers["x-custom"].Should().Equal("a", "b");
        info.Headers["X-TRACE-ID"].Should().Equal("trc_1");
        info.Headers.Should().ContainKey("Content-Length", "the content headers are there too");
        info.Headers.Should().NotContainKey("Authorization", "the request's headers are never among the answer's");
        info.Headers.Should().BeSameAs(info.Headers, "the copy is made once");
    }

    [Fact]
    public async Task SendAsync_AnswerEchoingTheKey_ItsHeadersHoldTheKeyScrubbed()
    {
        var transport = new FakeTransport(_ =>
        {
            var response = FakeCallback.Response(HttpStatusCode.OK);
            response.Headers.TryAddWithoutValidation("X-Echo", "Bearer " + ApiServer.ApiKey);
            return response;
        });
        using var call = StageCall.Start(_clock);

        using var answer = (await RunAsync(call, transport)).Result!;
        var headers = ResponseHeaderReader.InfoOf(answer, TimeProvider.System).Headers;

        headers["X-Echo"].Should().ContainSingle().Which.Should().StartWith("Bearer ");
        string.Join(" ", headers.SelectMany(h => h.Value)).ShouldNotContainKey();
    }

    private ValueTask<Outcome<HttpResponseMessage>> RunAsync(StageCall call, FakeTransport transport, ApiKeyProvider? keys = null)
    {
        var send = new SendStage(transport, keys ?? ApiKeyProvider.Fixed(ApiServer.ApiKey), UserAgentValue, DataPulseClientOptions.DefaultMaxResponseBufferSize, _clock);
        return StageCall.Pipeline(_clock).ExecuteOutcomeAsync(SendStage.Callback, call.Context, send);
    }

    /// <summary>The network, faked: records the headers each message carried when it was sent, and answers with <paramref name="answer"/> to that message.</summary>
    private sealed class FakeTransport(Func<HttpRequestMessage, HttpResponseMessage> answer) : Transport
    {
        public List<(string? Authorization, string? UserAgent, string Accept)> Sent { get; } = [];

        /// <summary>Every header of each message sent, with all its values.</summary>
        public List<Dictionary<string, string[]>> SentHeaders { get; } = [];

        public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            SentHeaders.Add(request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase));
            Sent.Add((
                request.Headers.Authorization?.ToString(),
                request.Headers.NonValidated.TryGetValues("User-Agent", out var agent) ? agent.ToString() : null,
                request.Headers.Accept.ToString()));
            var response = answer(request);
            response.RequestMessage ??= request; // as every HttpMessageHandler does
            return Task.FromResult(response);
        }
    }
}
