using System.Globalization;
using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Pipeline;
using Microsoft.AspNetCore.Http;

namespace DataPulse.Client.Testing.Scenarios;

/// <summary>Answers with the rate limit or the failure a test armed, before the key check and the operation.</summary>
internal sealed class ScenarioMiddleware(SandboxState state)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        Injected(SandboxCall.Of(context)) is { } injected ? injected.WriteAsync(context) : next(context);

    private SandboxResponse? Injected(SandboxCall call)
    {
        var scenarios = state.Scenarios;
        if (scenarios.TryTakeRateLimit(out var retryAfter))
        {
            var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
            return ApiErrors.Create(call, 429, "rate_limit_exceeded",
                    FormattableString.Invariant($"Too many requests. Retry after {seconds} seconds."))
                .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))
                .WithHeader("X-RateLimit-Remaining", "0");
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
}
