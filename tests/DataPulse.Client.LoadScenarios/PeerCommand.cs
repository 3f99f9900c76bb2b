using DataPulse.Client.Redis;

namespace DataPulse.Client.LoadScenarios;

/// <summary>
/// One call from a second process through a Redis store, for the Redis tests: prints <c>rate-limited &lt;seconds&gt;</c>
/// when the shared window held it back (MaxRetryAfter is 1 s unless a fifth argument gives seconds, so a longer hold
/// throws at once), else <c>sent</c> (it went, perhaps as the fleet's probe).
/// </summary>
internal static class PeerCommand
{
    public const string Name = "peer-once";

    public static async Task<int> RunAsync(string[] args)
    {
        var (baseAddress, apiKey, redis, prefix) = (new Uri(args[0]), args[1], args[2], args[3]);
        var maxRetryAfter = TimeSpan.FromSeconds(args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1);
        using var store = RedisRateLimitStore.Connect(redis, new RedisRateLimitStoreOptions { KeyPrefix = prefix });
        using var client = new DataPulseClient(new DataPulseClientOptions
        {
            ApiKey = apiKey,
            BaseAddress = baseAddress,
            RateLimitStore = store,
            MaxRetryAfter = maxRetryAfter,
        });
        try
        {
            await client.Customers.GetAsync("cust_1");
            Console.WriteLine("sent");
        }
        catch (DataPulseRateLimitException ex)
        {
            Console.WriteLine(FormattableString.Invariant($"rate-limited {ex.RetryAfter?.TotalSeconds:0}"));
        }

        return 0;
    }
}
