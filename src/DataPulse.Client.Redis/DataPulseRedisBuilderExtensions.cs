using DataPulse.Client;
using DataPulse.Client.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares a DataPulse client's rate-limit window and retry budget through Redis.</summary>
public static class DataPulseRedisBuilderExtensions
{
    /// <summary>
    /// Keeps this client's rate-limit window and retry budget in Redis, so every process on the same API key paces as
    /// one. The connection is opened when the client is first built and closed with the container.
    /// </summary>
    /// <param name="builder">What <c>AddDataPulse(...)</c> returned.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>redis:6379</c>.</param>
    /// <param name="options">Key prefix, database and expiry; null for the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is null or empty.</exception>
    public static IDataPulseBuilder UseRedisRateLimits(this IDataPulseBuilder builder, string configuration, RedisRateLimitStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        return builder.UseRedisRateLimits(_ => RedisRateLimitStore.Connect(configuration, options));
    }

    /// <summary>Keeps this client's rate-limit window and retry budget in Redis, on a connection from the container.</summary>
    /// <param name="builder">What <c>AddDataPulse(...)</c> returned.</param>
    /// <param name="options">Key prefix, database and expiry; null for the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IDataPulseBuilder UseRedisRateLimits(this IDataPulseBuilder builder, RedisRateLimitStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseRedisRateLimits(sp => new RedisRateLimitStore(sp.GetRequiredService<IConnectionMultiplexer>(), options));
    }

    private static IDataPulseBuilder UseRedisRateLimits(this IDataPulseBuilder builder, Func<IServiceProvider, RedisRateLimitStore> create)
    {
        // One store per client name, built once; the container disposes it (and a connection it opened) at the end.
        var key = "DataPulse.Redis:" + builder.Name;
        builder.Services.AddKeyedSingleton(key, (sp, _) => create(sp));
        builder.Services.AddOptions<DataPulseClientOptions>(builder.Name)
            .Configure<IServiceProvider>((options, sp) => options.RateLimitStore = sp.GetRequiredKeyedService<RedisRateLimitStore>(key));
        return builder;
    }
}
