namespace DataPulse.Client.Redis;

/// <summary>Settings for <see cref="RedisRateLimitStore"/>.</summary>
public sealed class RedisRateLimitStoreOptions
{
    /// <summary>The prefix of every key the store writes. Keys hold a base address and a hash of the API key, never the key.</summary>
    /// <value>The default is <c>datapulse:rl:</c>.</value>
    public string KeyPrefix { get; set; } = "datapulse:rl:";

    /// <summary>The Redis database to use; -1 is the connection's default.</summary>
    /// <value>The default is -1.</value>
    public int Database { get; set; } = -1;

    /// <summary>How long a window or budget nobody touches is kept in Redis.</summary>
    /// <value>The default is 1 hour.</value>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromHours(1);
}
