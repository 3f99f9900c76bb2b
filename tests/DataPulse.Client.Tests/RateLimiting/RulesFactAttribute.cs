namespace DataPulse.Client.Tests.RateLimiting;

/// <summary>
/// A rule of <see cref="RateLimitStoreRules"/>. Here, with the in-process store, it always runs; the Redis tests, which
/// compile the same rules, give this name to a fact that needs their Redis server.
/// </summary>
public sealed class RulesFactAttribute : FactAttribute;
