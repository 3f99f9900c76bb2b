namespace DataPulse.Client.RateLimiting;

/// <summary>A request asking <see cref="IRateLimitStore.AcquireAsync"/> whether it may go.</summary>
/// <param name="Now">The current time on the client's clock.</param>
/// <param name="LeaseId">The request's id, unique in its process; the store pairs it with the answer.</param>
/// <param name="LeaseExpiresAt">When the store may stop counting the request as out if no answer was recorded (a process that died).</param>
/// <param name="LocalInFlight">The asking process's requests out on the scope: with none, the request may always go unless the server's words forbid it.</param>
/// <param name="MaxWait">The longest the request may be held (<see cref="DataPulseClientOptions.MaxRetryAfter"/>): a longer hold refuses it.</param>
/// <param name="ProbeInterval">While a hold is longer than <paramref name="MaxWait"/>, one request per this interval goes to the server anyway.</param>
public readonly record struct RateLimitRequest(
    DateTimeOffset Now, long LeaseId, DateTimeOffset LeaseExpiresAt, int LocalInFlight, TimeSpan MaxWait, TimeSpan ProbeInterval);
