namespace DataPulse.Client.Testing;

/// <summary>Settings for <see cref="DataPulseSandbox.Start(DataPulseSandboxOptions?)"/>. Every setting has a default that suits tests.</summary>
public sealed class DataPulseSandboxOptions
{
    /// <summary>The full-access key the sandbox accepts.</summary>
    /// <value>The default is <see cref="DataPulseSandbox.DefaultApiKey"/>, a well-formed <c>dp_test_sk_</c> key.</value>
    public string ApiKey { get; set; } = DataPulseSandbox.DefaultApiKey;

    /// <summary>A key the sandbox accepts for reads only: every <c>POST</c> and <c>DELETE</c> made with it gets 403.</summary>
    /// <value>The default is <see cref="DataPulseSandbox.DefaultReadOnlyApiKey"/>.</value>
    public string ReadOnlyApiKey { get; set; } = DataPulseSandbox.DefaultReadOnlyApiKey;

    /// <summary>Requests allowed per one-minute window, as reported in <c>X-RateLimit-Limit</c> while
    /// <see cref="EnforcedRateLimit"/> is <see langword="null"/>. The sandbox only reports the count, over all keys; it
    /// answers 429 only when a scenario asks for it (<see cref="DataPulseSandbox.RateLimitNextCalls"/>).</summary>
    /// <value>The default is 1000.</value>
    public int RateLimitPerMinute { get; set; } = 1000;

    /// <summary>A rate limit the sandbox enforces per API key, in fixed windows aligned to multiples of
    /// <see cref="SandboxRateLimit.Window"/> since the Unix epoch on <see cref="TimeProvider"/>. Every answer carries the
    /// key's window in <c>X-RateLimit-Limit</c>, <c>-Remaining</c> and <c>-Reset</c> (Unix seconds, rounded up); a request
    /// beyond the limit gets 429 <c>rate_limit_exceeded</c> with <c>Retry-After</c> (whole seconds until the reset, rounded
    /// up) and does not count against the window. <see cref="RateLimitPerMinute"/> is then ignored.</summary>
    /// <value>The default is <see langword="null"/>: nothing is enforced.</value>
    public SandboxRateLimit? EnforcedRateLimit { get; set; }

    /// <summary>The clock behind the rate-limit windows, <c>X-RateLimit-Reset</c> and <see cref="DataPulseSandbox.AddLatency"/>.
    /// Seeded data carries fixed timestamps and does not depend on it.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
