using DataPulse.Client.Redis.Tests;

namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>A rule of <see cref="RateLimitStoreRules"/> (compiled in from DataPulse.Client.Tests), run against Redis: skipped without one, as <see cref="RedisFactAttribute"/>.</summary>
public sealed class RulesFactAttribute : FactAttribute
{
    public RulesFactAttribute()
    {
        if (RedisAddress.Value is null && !RedisAddress.InCi)
        {
            Skip = $"No Redis: set {RedisAddress.Variable}=host:port to run the store's rules against it.";
        }
    }
}
