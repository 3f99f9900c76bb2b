using System.Net;
using DataPulse.Client.Resilience;
using Polly;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>The classifier's rules for cancellations, waits and deadlines, which end-to-end tests cannot isolate.</summary>
public sealed class RetryClassifierTests
{
    private static readonly RetryRules Rules = new(TimeProvider.System, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(10));

    private static TimeSpan? NextDelay(Outcome<HttpResponseMessage> outcome, HttpMethod method, CancellationToken callerToken, TimeSpan? remaining = null)
    {
        using var request = new HttpRequestMessage(method, "https://api.datapulse.io/v1/customers/cust_1");
        return RetryClassifier.NextDelay(outcome, request, 0, remaining ?? TimeSpan.FromMinutes(10), Rules, callerToken);
    }

    [Fact]
    public void Cancellation_OfTheCallersToken_IsNotRetried()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        NextDelay(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException(canceled.Token)), HttpMethod.Get, canceled.Token).Should().BeNull();
    }

    [Fact]
    public void TransportTimeout_OnAGet_IsRetried()
    {
        var timeout = new DataPulseTimeoutException("timed out", DataPulseTimeoutKind.Transport, null);

        NextDelay(Outcome.FromException<HttpResponseMessage>(timeout), HttpMethod.Get, CancellationToken.None).Should().NotBeNull();
    }

    [Fact]
    public void TransportTimeout_OnAPostWithoutIdempotencyKey_IsNotRetried()
    {
        var timeout = new DataPulseTimeoutException("timed out", DataPulseTimeoutKind.Transport, null);

        NextDelay(Outcome.FromException<HttpResponseMessage>(timeout), HttpMethod.Post, CancellationToken.None).Should().BeNull();
    }

    [Fact]
    public void OverallTimeout_IsNeverRetried()
    {
        var timeout = new DataPulseTimeoutException("timed out", DataPulseTimeoutKind.Overall, TimeSpan.FromSeconds(1));

        NextDelay(Outcome.FromException<HttpResponseMessage>(timeout), HttpMethod.Get, CancellationToken.None).Should().BeNull();
    }

    [Fact]
    public void BadRequest_IsNotRetried()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);

        NextDelay(Outcome.FromResult(response), HttpMethod.Get, CancellationToken.None).Should().BeNull();
    }

    [Fact]
    public void RetryAfter_IsTheWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        NextDelay(Outcome.FromResult(response), HttpMethod.Post, CancellationToken.None).Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void RetryAfter_BeyondTheDeadline_IsNotWaited()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        NextDelay(Outcome.FromResult(response), HttpMethod.Get, CancellationToken.None, remaining: TimeSpan.FromSeconds(6)).Should().BeNull();
    }

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("99999999999999999999999999")]
    public void RetryAfter_LargerThanAnyInteger_IsOverTheCeiling(string value)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", value);

        NextDelay(Outcome.FromResult(response), HttpMethod.Get, CancellationToken.None).Should().BeNull();
    }
}
