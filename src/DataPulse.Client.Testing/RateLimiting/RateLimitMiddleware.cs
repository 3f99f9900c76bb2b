using System.Globalization;
using DataPulse.Client.Testing.Authentication;
using DataPulse.Client.Testing.Errors;
using DataPulse.Client.Testing.Pipeline;
using Microsoft.AspNetCore.Http;

namespace DataPulse.Client.Testing.RateLimiting;

/// <summary>
/// Puts the window's <c>X-RateLimit-*</c> headers, and a <c>Date</c> on the sandbox's clock, on every answer. With <see cref="DataPulseSandboxOptions.EnforcedRateLimit"/>
/// set, windows are per API key and a request beyond its window's limit gets the contract's 429 with <c>Retry-After</c>;
/// otherwise one window counts every request against <see cref="DataPulseSandboxOptions.RateLimitPerMinute"/> and refuses none.
/// </summary>
internal sealed class RateLimitMiddleware(SandboxState state)
{
    private readonly bool _perKey = state.Options.EnforcedRateLimit is not null;

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var call = SandboxCall.Of(context);
        var decision = state.RateLimit.Acquire(_perKey ? ApiKeyCheck.PresentedKey(call.Header("Authorization")) ?? string.Empty : string.Empty);
        var headers = context.Response.Headers;

        // The answer's Date on the sandbox's own clock, as the reset is: Kestrel would send the machine's, and a client
        // correcting clock skew would then move a fake clock's reset by months.
        headers.Date = state.Options.TimeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
        if (decision.Admitted)
        {
            return next(context);
        }

        var seconds = decision.RetryAfterSeconds;
        return ApiErrors.Create(call, 429, "rate_limit_exceeded",
                FormattableString.Invariant($"Too many requests: {decision.Limit} per window. Retry after {seconds} seconds."))
            .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))
            .WriteAsync(context);
    }
}
