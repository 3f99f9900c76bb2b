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

    /// <summary>Requests allowed per one-minute window, as reported in <c>X-RateLimit-Limit</c>. The sandbox only reports
    /// the count; it answers 429 only when a scenario asks for it (<see cref="DataPulseSandbox.RateLimitNextCalls"/>).</summary>
    /// <value>The default is 1000.</value>
    public int RateLimitPerMinute { get; set; } = 1000;

    /// <summary>The clock behind <c>X-RateLimit-Reset</c> and the rate-limit window. Seeded data carries fixed timestamps
    /// and does not depend on it.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
