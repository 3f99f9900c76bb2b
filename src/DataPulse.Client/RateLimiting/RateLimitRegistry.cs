using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// The process-wide registry of windows: every client on the same base address, API key and clock shares one window,
/// one retry budget and one in-flight count. Per clock, because a window's reset and pauses only mean something on the
/// clock that measured them (every client on <see cref="TimeProvider.System"/> shares one; a test's fake clock has its own).
/// </summary>
internal sealed class RateLimitRegistry
{
    private static readonly ConditionalWeakTable<TimeProvider, RateLimitRegistry> Registries = new();

    private readonly ConcurrentDictionary<string, RateLimitScope> _scopes = new(StringComparer.Ordinal);

    public InMemoryRateLimitStore Store { get; } = new();

    public static RateLimitRegistry For(TimeProvider timeProvider) => Registries.GetValue(timeProvider, static _ => new RateLimitRegistry());

    public RateLimitScope ScopeFor(Uri baseAddress, string apiKey) =>
        _scopes.GetOrAdd(RateLimitScope.NameOf(baseAddress, apiKey), static name => new RateLimitScope(name));
}
