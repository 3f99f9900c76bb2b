namespace DataPulse.Client.Testing;

/// <summary>A rate limit for <see cref="DataPulseSandboxOptions.EnforcedRateLimit"/>: at most <paramref name="PermitLimit"/>
/// requests per API key in each fixed <paramref name="Window"/>.</summary>
/// <param name="PermitLimit">Requests a key may make in one window; at least 1.</param>
/// <param name="Window">The window's length; positive. Windows start at multiples of it since the Unix epoch.</param>
public sealed record SandboxRateLimit(int PermitLimit, TimeSpan Window);
