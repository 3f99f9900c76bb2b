using DataPulse.Client.RateLimiting;
using DataPulse.Client.Tests.RateLimiting;

namespace DataPulse.Client.Redis.Tests;

/// <summary>The store's rules (the same tests as the in-process store's) on a real redis-server, and what only Redis does.</summary>
public sealed class RedisStoreRulesTests : RateLimitStoreRules, IDisposable
{
    private readonly Lazy<RedisRateLimitStore> _store = new(() =>
        RedisRateLimitStore.Connect(RedisAddress.Required, new RedisRateLimitStoreOptions { KeyPrefix = TestSupport.UniquePrefix() }));

    protected override IRateLimitStore Store => _store.Value;

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }

    [RedisFact]
    public async Task RequestsOfAProcessThatDied_AreForgottenWhenTheirLeasesEnd()
    {
        var sent = await Store.AcquireAsync(Scope, new RateLimitRequest(Start, 1, Start.AddSeconds(1), 0, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));
        await Store.RecordAsync(Scope, new RateLimitAnswer(1, Start, Start, true, false, null, new RateLimitInfo { Limit = 1, Remaining = 1, ResetsAt = Start.AddSeconds(60) }, sent));
        await Store.AcquireAsync(Scope, new RateLimitRequest(Start, 2, Start.AddSeconds(1), 0, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));

        var whileOut = await Store.AcquireAsync(Scope, new RateLimitRequest(Start, 3, Start.AddSeconds(1), 1, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));
        var afterLease = await Store.AcquireAsync(Scope, new RateLimitRequest(Start.AddSeconds(2), 4, Start.AddSeconds(3), 1, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));

        whileOut.Status.Should().Be(RateLimitGrantStatus.WaitForAnswer);
        afterLease.Status.Should().Be(RateLimitGrantStatus.Granted, "a request nobody recorded within its lease no longer counts as out");
    }
}
