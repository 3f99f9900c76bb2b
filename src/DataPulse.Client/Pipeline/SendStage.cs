using System.Net;
using System.Runtime.CompilerServices;
using DataPulse.Client.Calls;
using DataPulse.Client.Errors;
using DataPulse.Client.Http;
using Polly;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// The bottom of the pipeline, once per attempt: adds the key, the SDK's headers and the call's own extra headers
/// (<see cref="CallContext.Headers"/>, checked before the call began never to replace the SDK's), sends through the
/// <see cref="Transport"/>, refuses an answer from another origin (a redirect a caller's <see cref="HttpClient"/>
/// followed), reads the answer's facts once, and reads its body whole into a capped pooled buffer under the attempt's
/// deadline, unless the operation streams a file. Failures go up as they are; the outcome stage names them.
/// </summary>
internal sealed class SendStage(Transport transport, ApiKeyProvider keys, string userAgent, int maxResponseBufferSize, TimeProvider timeProvider)
    : IDisposable
{
    public static readonly Func<ResilienceContext, SendStage, ValueTask<Outcome<HttpResponseMessage>>> Callback =
        static (context, send) => send.SendAsync(context);

    // The Authorization header's value for the key in use, built once per key rather than per attempt.
    private Authorization? _authorization;

    public void Dispose() => transport.Dispose();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> SendAsync(ResilienceContext context)
    {
        var call = CallContext.Of(context);
        if (keys.TryCurrent() is not { } key)
        {
            return Outcome.FromException<HttpResponseMessage>(DataPulseExceptionFactory.KeyMissing(call.Operation));
        }

        var token = context.CancellationToken;
        var origin = call.Request.RequestUri!;
        var wire = transport.Prepare(call.Request);
        HttpResponseMessage? response = null;
        try
        {
            AddHeaders(wire, key, call.Headers);
            if (wire.Content is JsonBody body)
            {
                body.SendWith(wire);
            }

            response = await transport.SendAsync(wire, token).ConfigureAwait(false);

            // A caller's HttpClient may follow redirects on its own, and when it does it takes the Authorization header off
            // the message: an answer from another origin after that is never accepted.
            if (!wire.Headers.NonValidated.Contains("Authorization") && response.RequestMessage?.RequestUri is { } answeredBy && !Origins.Same(answeredBy, origin))
            {
                throw new RedirectRefusedException(answeredBy);
            }

            var info = ResponseHeaderReader.Read(response, timeProvider, key);
            if (!response.IsSuccessStatusCode)
            {
                await ResponseBuffer.LoadAsync(response, ApiErrorReader.ReadLimit, keepPartial: true, token).ConfigureAwait(false);
                call.CallerToken.ThrowIfCancellationRequested();
            }
            else if (!call.Streams || response.StatusCode == HttpStatusCode.Accepted)
            {
                await ResponseBuffer.LoadAsync(response, maxResponseBufferSize, keepPartial: false, token).ConfigureAwait(false);
            }

            ResponseHeaderReader.Remember(response, info);
            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(RedirectRefusedException.Within(ex) ?? ex);
        }
        finally
        {
            // The key lives on the message only while it is sent: nothing kept afterwards (a response, an exception) leads to it.
            wire.Headers.Remove("Authorization");
        }
    }

    // Added without validation: the values are the SDK's own (or the caller's, checked when the call began) and well-formed,
    // and no parsed header objects are built per attempt.
    private void AddHeaders(HttpRequestMessage request, string key, KeyValuePair<string, string>[]? extra)
    {
        var headers = request.Headers;
        headers.TryAddWithoutValidation("Authorization", AuthorizationFor(key));
        if (!headers.NonValidated.Contains("User-Agent"))
        {
            headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        if (!headers.NonValidated.Contains("Accept"))
        {
            headers.TryAddWithoutValidation("Accept", "application/json");
        }

        if (extra is not null)
        {
            foreach (var (name, value) in extra)
            {
                // Replaced, not added: a retry may send this same message again.
                headers.Remove(name);
                headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    private string AuthorizationFor(string key)
    {
        if (Volatile.Read(ref _authorization) is { } cached && ReferenceEquals(cached.Key, key))
        {
            return cached.Header;
        }

        var header = "Bearer " + key;
        Volatile.Write(ref _authorization, new Authorization(key, header));
        return header;
    }

    private sealed record Authorization(string Key, string Header);
}
