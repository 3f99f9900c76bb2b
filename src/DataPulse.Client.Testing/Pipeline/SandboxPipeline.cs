using System.Globalization;
using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Routing;

namespace DataPulse.Client.Testing.Pipeline;

/// <summary>
/// What every request goes through, in order: latency, injected rate limits and failures, the key check, the route,
/// then the headers every answer carries (<c>X-Trace-Id</c>, <c>X-RateLimit-*</c>) and the request log.
/// </summary>
internal sealed class SandboxPipeline(SandboxState state)
{
    public async Task<SandboxResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken)
    {
        var call = new SandboxCall(request, state.NextTraceId(), state);
        var latency = state.Scenarios.Latency;
        if (latency > TimeSpan.Zero)
        {
            // Real time: the latency stands in for the network; the options' clock drives only the rate-limit window.
            await Task.Delay(latency, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        var rate = state.RateLimit.Count();
        var response = Injected(call, ref rate) ?? Dispatch(call);

        response.Headers["X-Trace-Id"] = call.TraceId;
        response.Headers["X-RateLimit-Limit"] = rate.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = rate.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = rate.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
        if (response.IsFile && state.Scenarios.TryTakeDownloadDrop())
        {
            response.DropMidway = true;
        }

        state.Record(new SandboxRequest(
            request.Method,
            request.DecodedPath,
            request.Query,
            Redacted(request.Headers),
            request.Body,
            response.StatusCode,
            call.TraceId));
        return response;
    }

    private static SandboxResponse? Injected(SandboxCall call, ref (int Limit, int Remaining, long ResetUnixSeconds) rate)
    {
        var scenarios = call.State.Scenarios;
        if (scenarios.TryTakeRateLimit(out var retryAfter))
        {
            var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
            rate = (rate.Limit, 0, rate.ResetUnixSeconds);
            return ApiErrors.Create(call, 429, "rate_limit_exceeded",
                    FormattableString.Invariant($"Too many requests. Retry after {seconds} seconds."))
                .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        if (scenarios.TryTakeFailure(out var status))
        {
            var code = (int)status;
            return code switch
            {
                429 => ApiErrors.Create(call, code, "rate_limit_exceeded", "Too many requests.").WithHeader("Retry-After", "1"),
                >= 500 => ApiErrors.Create(call, code, "internal_error",
                    FormattableString.Invariant($"The sandbox was told to fail this call with {code}.")),
                _ => ApiErrors.Create(call, code, "injected_failure",
                    FormattableString.Invariant($"The sandbox was told to fail this call with {code}.")),
            };
        }

        return null;
    }

    private static SandboxResponse Dispatch(SandboxCall call)
    {
        var request = call.Request;
        var (route, match) = Router.Find(request.Method, request.RawPath, out var pathKnown);
        if (ApiKeyCheck.Reject(call, isWrite: route?.IsWrite ?? !IsRead(request.Method)) is { } rejected)
        {
            return rejected;
        }

        if (route is null)
        {
            return pathKnown
                ? ApiErrors.Create(call, 405, "method_not_allowed", $"{request.Method} is not allowed on {request.DecodedPath}.")
                : ApiErrors.NotFound(call, "route_not_found", $"The sandbox serves no operation at {request.Method} {request.DecodedPath}.");
        }

        call.RouteMatch = match;
        return route.Handler(call);
    }

    private static bool IsRead(string method) =>
        string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> Redacted(IReadOnlyDictionary<string, string> headers)
    {
        var copy = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (copy.TryGetValue("Authorization", out var authorization))
        {
            copy["Authorization"] = ApiKeyCheck.Redact(authorization);
        }

        return copy;
    }
}
