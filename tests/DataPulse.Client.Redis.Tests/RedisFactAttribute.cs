namespace DataPulse.Client.Redis.Tests;

/// <summary>
/// A test that needs the Redis server named by <c>DATAPULSE_TEST_REDIS</c> (host:port; <c>.ci/run</c> starts one). Without
/// it the test is reported as skipped, with the reason, unless <c>CI=true</c>: then it runs and fails loudly.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisAddress.Value is null && !RedisAddress.InCi)
        {
            Skip = $"No Redis: set {RedisAddress.Variable}=host:port (see README, \"Rate limits at scale\") to run this test.";
        }
    }
}

public static class RedisAddress
{
    public const string Variable = "DATAPULSE_TEST_REDIS";

    public static string? Value => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Required => Value ?? throw new InvalidOperationException(
        $"CI=true but {Variable} is not set: .ci/run must start redis-server and export its address.");
}
