using DataPulse.Client.ContractCheck.Prism;
using DataPulse.Client.ContractCheck.WrongAnswers;
using DataPulse.Client.Testing;

namespace DataPulse.Client.ContractCheck;

/// <summary>
/// Everything the check starts and stops: the two sandboxes, the wrong-answer server and one Prism in front of each.
/// The Prism processes start together (node takes seconds to start on a loaded machine); disposing stops them all.
/// </summary>
internal sealed class Upstreams : IAsyncDisposable
{
    // Per key, one request per hour: the second request of a case is refused, and an hour makes a window boundary
    // between the two (which would admit it) a one-in-a-million event.
    private static readonly SandboxRateLimit EnforcedLimit = new(PermitLimit: 1, Window: TimeSpan.FromHours(1));

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly Dictionary<Target, (DataPulseSandbox? Sandbox, PrismProxy Proxy, Uri Upstream)> _routes = [];

    private Upstreams()
    {
    }

    /// <summary>Starts every upstream and a Prism in front of each.</summary>
    /// <exception cref="InvalidOperationException">Prism did not start; the message holds its log.</exception>
    public static async Task<Upstreams> StartAsync(string prism, string document, TimeSpan prismStartTimeout)
    {
        var upstreams = new Upstreams();
        try
        {
            var sandbox = upstreams.Own(DataPulseSandbox.Start());
            var enforcing = upstreams.Own(DataPulseSandbox.Start(new DataPulseSandboxOptions { EnforcedRateLimit = EnforcedLimit }));
            var wrongAnswers = upstreams.Own(await WrongAnswerServer.StartAsync().ConfigureAwait(false));
            var starting = new (Target Target, DataPulseSandbox? Sandbox, Uri Upstream)[]
            {
                (Target.Sandbox, sandbox, sandbox.BaseAddress),
                (Target.EnforcingSandbox, enforcing, enforcing.BaseAddress),
                (Target.WrongAnswers, null, wrongAnswers.Address),
            }.Select(async route =>
            {
                var proxy = upstreams.Own(await PrismProxy.StartAsync(prism, document, route.Upstream, prismStartTimeout).ConfigureAwait(false));
                lock (upstreams._owned)
                {
                    upstreams._routes[route.Target] = (route.Sandbox, proxy, route.Upstream);
                }
            }).ToList();
            await Task.WhenAll(starting).ConfigureAwait(false);
            return upstreams;
        }
        catch
        {
            await upstreams.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The sandbox behind a target (null for the wrong-answer server).</summary>
    public DataPulseSandbox? SandboxOf(Target target) => _routes[target].Sandbox;

    /// <summary>The Prism in front of a target.</summary>
    public Uri ProxyOf(Target target) => _routes[target].Proxy.Address;

    /// <summary>One line per route: which Prism fronts what.</summary>
    public IEnumerable<string> Describe() =>
        _routes.OrderBy(r => r.Key).Select(r => $"{r.Key}: Prism {r.Value.Proxy.Address} -> {r.Value.Upstream}");

    /// <summary>Every Prism's last log lines, for a failure report.</summary>
    public string Logs() => string.Join("\n", _routes.OrderBy(r => r.Key).Select(r => $"--- Prism in front of {r.Key} ---\n{r.Value.Proxy.Log}"));

    public async ValueTask DisposeAsync()
    {
        // Prism first, then what it fronted.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }
    }

    private T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        lock (_owned)
        {
            _owned.Add(owned);
        }

        return owned;
    }
}
