using System.Collections.Concurrent;
using DataPulse.Client.ContractCheck.Prism;

namespace DataPulse.Client.ContractCheck.Recording;

/// <summary>
/// The innermost handler of the client's own <see cref="HttpClient"/>: records every attempt that went through Prism,
/// with Prism's verdict, so a retry or a wait inside the SDK never hides a violation. Only Prism's small problem
/// documents are buffered; every other body reaches the SDK untouched (report files stream).
/// </summary>
internal sealed class ExchangeRecorder(ConcurrentQueue<Exchange> exchanges) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string? problem = null;
        if (string.Equals(response.Content.Headers.ContentType?.MediaType, PrismVerdict.ProblemMediaType, StringComparison.OrdinalIgnoreCase))
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            problem = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }

        var header = response.Headers.TryGetValues(PrismVerdict.ViolationsHeader, out var values) ? string.Join(string.Empty, values) : null;
        exchanges.Enqueue(new Exchange(
            request.Method.Method,
            request.RequestUri?.PathAndQuery ?? "?",
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.FirstOrDefault() : null,
            (int)response.StatusCode,
            response.Headers.TryGetValues("X-Trace-Id", out var traceIds) ? traceIds.FirstOrDefault() : null,
            PrismVerdict.PrismError(problem),
            PrismVerdict.Violations(header, problem)));
        return response;
    }
}
