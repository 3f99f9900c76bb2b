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

    // Scopes nobody uses are dropped once this many exist, so the registry never grows without bound.
    private const int PruneAbove = 64;

    private readonly ConcurrentDictionary<string, RateLimitScope> _scopes = new(StringComparer.Ordinal);

    public InMemoryRateLimitStore Store { get; } = new();

    /// <summary>The documented process-wide default for clients built without dependency injection, one per clock.</summary>
    public static RateLimitRegistry Shared(TimeProvider timeProvider) => PerClock.GetValue(timeProvider, static _ => new RateLimitRegistry());

    public RateLimitScope ScopeFor(Uri baseAddress, string apiKey)
    {
        if (_scopes.Count > PruneAbove)
        {
            foreach (var (name, scope) in _scopes)
            {
                if (scope.IsIdle)
                {
                    _scopes.TryRemove(new KeyValuePair<string, RateLimitScope>(name, scope));
                }
            }
        }

        return _scopes.GetOrAdd(RateLimitScope.NameOf(baseAddress, apiKey), static name => new RateLimitScope(name));
    }

    /// <summary>
    /// Where a client keeps its windows: this registry's own store; an in-process store the caller chose (a test's, say);
    /// or a shared store with this registry's own to fall back on.
    /// </summary>
    public IRateLimitStore StoreFor(IRateLimitStore? chosen, TimeProvider timeProvider, ILogger logger) => chosen switch
    {
        null => Store,
        InMemoryRateLimitStore inProcess => inProcess,
        _ => new FallbackRateLimitStore(chosen, Store, timeProvider, logger),
    };
}
