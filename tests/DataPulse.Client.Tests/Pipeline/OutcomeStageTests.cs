using System.Net;
using DataPulse.Client.Calls;
using DataPulse.Client.Http;
using DataPulse.Client.Pipeline;
using DataPulse.Client.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace DataPulse.Client.Tests.Pipeline;

/// <summary><see cref="OutcomeStage"/> alone: a fake callback, a fake clock, no HTTP.</summary>
public sealed class OutcomeStageTests
{
    private const string BudgetNote = "Not retried: the client's retry budget is spent";

    private readonly FakeTimeProvider _clock = new();
    private readonly FakeCallback _callback = new();

    [Fact]
    public async Task ExecuteCore_PlainHttpToAnotherHost_RefusedBeforeTheCallback()
    {
        _callback.Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, url: "http://api.datapulse.io/v1/customers/cust_1");

        var outcome = await RunAsync(call);

        outcome.Exception.Should().BeOfType<DataPulseException>().Which.Message.Should().StartWith("Refusing to send the DataPulse API key to 'http://api.datapulse.io'");
        _callback.Calls.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteCore_PlainHttpToLoopback_IsSent()
    {
        _callback.Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock, url: "http://127.0.0.1:5000/v1/customers/cust_1");

        var outcome = await RunAsync(call);

        outcome.Exception.Should().BeNull();
        _callback.Calls.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteCore_Success_PassesTheResponseThroughUndisposed()
    {
        _callback.Returns(HttpStatusCode.OK);
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call);

        outcome.Result.Should().BeSameAs(_callback.Responses.Single());
        FakeCallback.IsDisposed(outcome.Result!).Should().BeFalse();
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, typeof(DataPulseBadRequestException))]
    [InlineData(HttpStatusCode.Unauthorized, typeof(DataPulseAuthenticationException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(DataPulsePermissionDeniedException))]
    [InlineData(HttpStatusCode.NotFound, typeof(DataPulseNotFoundException))]
    [InlineData(HttpStatusCode.Conflict, typeof(DataPulseApiException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(DataPulseRateLimitException))]
    [InlineData(HttpStatusCode.InternalServerError, typeof(DataPulseServerException))]
    [InlineData(HttpStatusCode.ServiceUnavailable, typeof(DataPulseServerException))]
    public async Task ExecuteCore_ErrorStatus_BecomesTheContractsExceptionAndDisposesTheResponse(HttpStatusCode status, Type expected)
    {
        _callback.Returns(status);
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call);

        outcome.Exception.Should().BeOfType(expected);
        outcome.Exception.As<DataPulseApiException>().StatusCode.Should().Be(status);
        FakeCallback.IsDisposed(_callback.Responses.Single()).Should().BeTrue();
    }

    [Fact]
    public async Task ExecuteCore_HttpRequestException_BecomesDataPulseConnectionException()
    {
        var refused = new HttpRequestException("Connection refused (api.datapulse.io:443)");
        _callback.Fails(refused);
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call);

        var thrown = outcome.Exception.Should().BeOfType<DataPulseConnectionException>().Subject;
        thrown.InnerException.Should().BeSameAs(refused);
        thrown.Operation.Should().Be("Customers.Get");
    }

    [Fact]
    public async Task ExecuteCore_CallerCancellation_StaysOperationCanceled()
    {
        using var caller = new CancellationTokenSource();
        using var call = StageCall.Start(_clock, callerToken: caller.Token);
        _callback.Runs(async context =>
        {
            await caller.CancelAsync();
            return Outcome.FromException<HttpResponseMessage>(new TaskCanceledException("The operation was canceled.", null, caller.Token));
        });

        var outcome = await RunAsync(call);

        outcome.Exception.Should().BeOfType<OperationCanceledException>().Which.CancellationToken.Should().Be(caller.Token);
    }

    [Fact]
    public async Task ExecuteCore_ErrorStatusNotRetriedBecauseOfTheBudget_CarriesTheReasonAndSaysItOnce()
    {
        _callback.Runs(context =>
        {
            CallContext.Of(context).NotRetriedBecause = DataPulseClientReason.RetryBudgetSpent;
            return new(Outcome.FromResult(FakeCallback.Response(HttpStatusCode.ServiceUnavailable)));
        });
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call);

        var thrown = outcome.Exception.Should().BeOfType<DataPulseServerException>().Subject;
        thrown.ClientReason.Should().Be(DataPulseClientReason.RetryBudgetSpent);
        Occurrences(thrown.Message, BudgetNote).Should().Be(1);
    }

    [Fact]
    public async Task ExecuteCore_ConnectionFailureNotRetriedBecauseOfTheBudget_CarriesTheReasonAndSaysItOnce()
    {
        _callback.Runs(context =>
        {
            CallContext.Of(context).NotRetriedBecause = DataPulseClientReason.RetryBudgetSpent;
            return new(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")));
        });
        using var call = StageCall.Start(_clock);

        var outcome = await RunAsync(call);

        var thrown = outcome.Exception.Should().BeOfType<DataPulseConnectionException>().Subject;
        thrown.ClientReason.Should().Be(DataPulseClientReason.RetryBudgetSpent);
        Occurrences(thrown.Message, BudgetNote).Should().Be(1);
    }

    private ValueTask<Outcome<HttpResponseMessage>> RunAsync(StageCall call) =>
        call.RunAsync(StageCall.Pipeline(_clock, new OutcomeStage(ApiKeyProvider.Fixed(ApiServer.ApiKey), _clock)), _callback);

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
