using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// The rate-limit windows, pauses and retry budgets a set of clients share, by base address and a hash of the API key,
/// with the requests each window has in flight. Owned by what builds the clients: each dependency-injection container has
/// its own (so two hosts in one process never see each other's windows), and directly built clients share the
/// process-wide one of their clock (<see cref="Shared"/>), since a window's reset only means something on the clock that
/// measured it.
/// </summary>
internal sealed class RateLimitRegistry
{
    private static readonly ConditionalWeakTable<TimeProvider, RateLimitRegistry> PerClock = new();

    private readonly ConcurrentDictionary<string, RateLimitScope> _scopes = new(StringComparer.Ordinal);

    public InMemoryRateLimitStore Store { get; } = new();

    /// <summary>The documented process-wide default for clients built without dependency injection, one per clock.</summary>
    public static RateLimitRegistry Shared(TimeProvider timeProvider) => PerClock.GetValue(timeProvider, static _ => new RateLimitRegistry());

    public RateLimitScope ScopeFor(Uri baseAddress, string apiKey) =>
        _scopes.GetOrAdd(RateLimitScope.NameOf(baseAddress, apiKey), static name => new RateLimitScope(name));

    /// <summary>Where a client keeps its windows: this registry's own store, or a shared one with this store to fall back on.</summary>
    public IRateLimitStore StoreFor(IRateLimitStore? shared, TimeProvider timeProvider, ILogger logger) =>
        shared is null ? Store : new FallbackRateLimitStore(shared, Store, timeProvider, logger);
}
