using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using DataPulse.Client.RateLimiting;
using Polly;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// The SDK's whole call path, one handler from top to bottom, the same for every way a client is built:
/// <list type="number">
/// <item>telemetry opens the operation (one span, log entry and measurement for all its attempts);</item>
/// <item>the Polly pipeline retries per the contract's table;</item>
/// <item>each attempt arms one timer (the nearer of <see cref="DataPulseClientOptions.AttemptTimeout"/> and what is
/// left of <see cref="DataPulseClientOptions.Timeout"/>), adds the key and headers, sends through the
/// <see cref="Transport"/>, and reads the body whole into a capped pooled buffer under that timer, unless the
/// operation streams a file;</item>
/// <item><see cref="Failures"/> turns whatever the last attempt ended with into the documented result or exception.</item>
/// </list>
/// </summary>
internal sealed class CallHandler : HttpMessageHandler
{
    /// <summary>Set (through Refit's <c>[Property]</c>) on operations whose successful answer is a file to stream.</summary>
    public const string StreamsOption = "DataPulse.Streams";

    private static readonly HttpRequestOptionsKey<bool> StreamsKey = new(StreamsOption);
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private static readonly Func<ResilienceContext, CallState, ValueTask<Outcome<HttpResponseMessage>>> Attempt =
        static (context, call) => call.Handler.AttemptAsync(context, call);

    private readonly CallSettings _settings;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Transport _transport;
    private readonly AttemptDeadlines _deadlines;

    public CallHandler(CallSettings settings, ResiliencePipeline<HttpResponseMessage> pipeline, Transport transport)
    {
        _settings = settings;
        _pipeline = pipeline;
        _transport = transport;
        _deadlines = new AttemptDeadlines(settings.TimeProvider);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = _settings;
        var call = new CallState(
            this,
            request,
            OperationName.Of(request),
            request.Options.TryGetValue(StreamsKey, out var streams) && streams,
            settings.TimeProvider.GetTimestamp());
        var telemetry = settings.Telemetry.IsObserved ? settings.Telemetry : null;
        telemetry?.Started(call);

        Outcome<HttpResponseMessage> outcome;
        var budgetRefused = false;
        if (request.RequestUri is not { } uri || !TransportSecurity.IsAllowed(uri))
        {
            outcome = Outcome.FromException<HttpResponseMessage>(Failures.InsecureAddress(call.Operation, request.RequestUri));
        }
        else
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(CallState.Key, call);
            try
            {
                outcome = await _pipeline.ExecuteOutcomeAsync(Attempt, context, call).ConfigureAwait(false);
                budgetRefused = RetryBudgetRefusal.WasRefused(context);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        if (outcome.Exception is { } exception)
        {
            var failure = Failures.Translate(exception, call.Operation, request.RequestUri, cancellationToken);
            failure = budgetRefused ? RetryBudgetRefusal.Annotate(failure) : failure;
            telemetry?.Failed(call, failure, Elapsed(call), canceledByCaller: failure is OperationCanceledException);
            ExceptionDispatchInfo.Throw(failure);
        }

        var response = outcome.Result!;
        if (!response.IsSuccessStatusCode)
        {
            Exception error;
            using (response)
            {
                error = Failures.FromResponse(call.Operation, response, settings.Keys.TryCurrent(), settings.TimeProvider);
            }

            error = budgetRefused ? RetryBudgetRefusal.Annotate(error) : error;

            telemetry?.Failed(call, error, Elapsed(call), canceledByCaller: false);
            throw error;
        }

        telemetry?.Succeeded(call, response, Elapsed(call));
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport.Dispose();
        }

        base.Dispose(disposing);
    }

    private TimeSpan Elapsed(CallState call) => _settings.TimeProvider.GetElapsedTime(call.StartedAt);

    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context, CallState call)
    {
        var settings = _settings;
        var caller = context.CancellationToken;
        var remaining = settings.Timeout - Elapsed(call);
        if (remaining <= TimeSpan.Zero)
        {
            return Outcome.FromException<HttpResponseMessage>(Failures.OverallTimedOut(call.Operation, settings.Timeout));
        }

        var boundByOverall = remaining <= settings.AttemptTimeout;
        var wire = _transport.Prepare(call.Request);
        var origin = call.Request.RequestUri!;
        HttpResponseMessage? response = null;
        var deadline = _deadlines.Start(boundByOverall ? remaining : settings.AttemptTimeout);
        var callerLink = caller.CanBeCanceled ? caller.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), deadline) : default;
        var streamed = false;
        try
        {
            AddHeaders(wire, settings);
            if (wire.Content is JsonBody body)
            {
                body.SendWith(wire);
            }

            response = await _transport.SendAsync(wire, deadline.Token).ConfigureAwait(false);

            // A caller's HttpClient may follow redirects on its own, and when it does it takes the Authorization header off
            // the message: an answer from another origin after that is never accepted.
            if (wire.Headers.Authorization is null && response.RequestMessage?.RequestUri is { } answeredBy && !Origins.Same(answeredBy, origin))
            {
                throw Failures.RedirectRefused(call.Operation, answeredBy.GetLeftPart(UriPartial.Authority));
            }

            if (!response.IsSuccessStatusCode)
            {
                await ResponseBuffer.LoadAsync(response, ApiErrorReader.ReadLimit, keepPartial: true, call.Operation, deadline.Token).ConfigureAwait(false);
                caller.ThrowIfCancellationRequested();
            }
            else if (!call.Streams || response.StatusCode == HttpStatusCode.Accepted)
            {
                await ResponseBuffer.LoadAsync(response, settings.MaxResponseBufferSize, keepPartial: false, call.Operation, deadline.Token).ConfigureAwait(false);
            }
            else
            {
                streamed = true;
            }

            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            response?.Dispose();
            if (Failures.IsCallerCancellation(ex, caller) || caller.IsCancellationRequested)
            {
                return Outcome.FromException<HttpResponseMessage>(Failures.Canceled(call.Operation, caller));
            }

            if (deadline.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException)
            {
                return Outcome.FromException<HttpResponseMessage>(boundByOverall
                    ? Failures.OverallTimedOut(call.Operation, settings.Timeout)
                    : Failures.AttemptTimedOut(call.Operation, settings.AttemptTimeout));
            }

            return Outcome.FromException<HttpResponseMessage>(Failures.Translate(ex, call.Operation, origin, caller));
        }
        finally
        {
            // The key lives on the message only while it is sent: nothing kept afterwards (a response, an exception) leads to it.
            wire.Headers.Authorization = null;
            callerLink.Dispose();

            // A streamed body is read after the attempt: its deadline is not handed to another call.
            _deadlines.End(deadline, reusable: !streamed);
        }
    }

    private static void AddHeaders(HttpRequestMessage request, CallSettings settings)
    {
        var headers = request.Headers;
        headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Keys.Current);
        if (!headers.NonValidated.Contains("User-Agent"))
        {
            headers.TryAddWithoutValidation("User-Agent", settings.UserAgent);
        }

        if (!headers.NonValidated.Contains("Accept"))
        {
            headers.Accept.Add(AcceptJson);
        }
    }
}
