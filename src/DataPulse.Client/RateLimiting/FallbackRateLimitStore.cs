using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// A shared store with the in-process one behind it: when the shared store fails or is slow, the call goes on with the
/// local window and budget, one warning is logged (at most once a minute), and the shared store is tried again after
/// <see cref="RetryPrimaryAfter"/>, so it is used again as soon as it is back.
/// </summary>
internal sealed class FallbackRateLimitStore(IRateLimitStore primary, IRateLimitStore fallback, TimeProvider timeProvider, ILogger logger) : IRateLimitStore
{
    public static readonly TimeSpan RetryPrimaryAfter = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan PrimaryTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private long _skipPrimaryUntil;
    private long _nextWarning;
    private bool _failing;

    public ValueTask<RateLimitGrant> AcquireAsync(string scope, RateLimitRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(static (store, a, ct) => store.AcquireAsync(a.scope, a.request, ct), (scope, request), cancellationToken);

    public async ValueTask RecordAsync(string scope, RateLimitAnswer answer, CancellationToken cancellationToken = default) =>
        await RunAsync(
            static async (store, a, ct) =>
            {
                await store.RecordAsync(a.scope, a.answer, ct).ConfigureAwait(false);
                return true;
            },
            (scope, answer),
            cancellationToken).ConfigureAwait(false);

    public ValueTask<double> UpdateRetryTokensAsync(string budget, double change, double maxTokens, CancellationToken cancellationToken = default) =>
        RunAsync(static (store, a, ct) => store.UpdateRetryTokensAsync(a.budget, a.change, a.maxTokens, ct), (budget, change, maxTokens), cancellationToken);

    private async ValueTask<T> RunAsync<TArgs, T>(
        Func<IRateLimitStore, TArgs, CancellationToken, ValueTask<T>> operation, TArgs args, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetTimestamp();
        if (now >= Volatile.Read(ref _skipPrimaryUntil))
        {
            try
            {
                var result = await operation(primary, args, cancellationToken).AsTask()
                    .WaitAsync(PrimaryTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
                Recovered();
                return result;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Failed(ex);
            }
        }

        return await operation(fallback, args, cancellationToken).ConfigureAwait(false);
    }

    private void Failed(Exception exception)
    {
        var now = timeProvider.GetTimestamp();
        bool warn;
        lock (_gate)
        {
            _failing = true;
            _skipPrimaryUntil = now + (long)(RetryPrimaryAfter.TotalSeconds * timeProvider.TimestampFrequency);
            warn = now >= _nextWarning;
            if (warn)
            {
                _nextWarning = now + (long)(WarnEvery.TotalSeconds * timeProvider.TimestampFrequency);
            }
        }

        if (warn)
        {
            Log.RateLimitStoreUnavailable(logger, primary.GetType().Name, RetryPrimaryAfter.TotalSeconds, exception);
        }
    }

    private void Recovered()
    {
        if (!Volatile.Read(ref _failing))
        {
            return;
        }

        lock (_gate)
        {
            if (!_failing)
            {
                return;
            }

            _failing = false;
            _nextWarning = 0;
        }

        Log.RateLimitStoreRecovered(logger, primary.GetType().Name);
    }
}
