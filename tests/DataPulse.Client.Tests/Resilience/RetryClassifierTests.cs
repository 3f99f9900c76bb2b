using System.Net;
using DataPulse.Client.Resilience;
using Polly;

namespace DataPulse.Client.Tests.Resilience;

/// <summary>The classifier's rules for cancellations, which end-to-end tests cannot tell apart from Polly's own checks.</summary>
public sealed class RetryClassifierTests
{
    private static bool ShouldRetry(Exception exception, CancellationToken contextToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.datapulse.io/v1/customers/cust_1");
        var context = ResilienceContextPool.Shared.Get(contextToken);
        try
        {
            context.Properties.Set(ResilienceKeys.Request, request);
            return RetryClassifier.ShouldRetry(
                Outcome.FromException<HttpResponseMessage>(exception), context, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeProvider.System);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [Fact]
    public void Cancellation_OfTheCallersToken_IsNotRetried()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        ShouldRetry(new OperationCanceledException(canceled.Token), canceled.Token).Should().BeFalse();
    }

    [Fact]
    public void Cancellation_ByATransportLimit_OnAGet_IsRetried()
    {
        // SocketsHttpHandler.ConnectTimeout and HttpClient.Timeout surface as a TaskCanceledException wrapping a TimeoutException.
        var transportTimeout = new TaskCanceledException("The request was canceled", new TimeoutException("connect timed out"));

        ShouldRetry(transportTimeout, CancellationToken.None).Should().BeTrue();
    }

    [Fact]
    public void Cancellation_ByATransportLimit_OnAPostWithoutIdempotencyKey_IsNotRetried()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.datapulse.io/v1/predictions");
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        context.Properties.Set(ResilienceKeys.Request, request);

        var retry = RetryClassifier.ShouldRetry(
            Outcome.FromException<HttpResponseMessage>(new TaskCanceledException()), context, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeProvider.System);
        ResilienceContextPool.Shared.Return(context);

        retry.Should().BeFalse();
    }

    [Fact]
    public void BadRequest_IsNotRetried()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.datapulse.io/v1/customers/cust_1");
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        context.Properties.Set(ResilienceKeys.Request, request);

        var retry = RetryClassifier.ShouldRetry(
            Outcome.FromResult(response), context, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeProvider.System);
        ResilienceContextPool.Shared.Return(context);

        retry.Should().BeFalse();
    }
}
