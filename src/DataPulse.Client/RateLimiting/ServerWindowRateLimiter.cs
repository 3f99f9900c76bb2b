using System.Net;
using System.Threading.RateLimiting;
using DataPulse.Client.Http;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// A <see cref="RateLimiter"/> whose window is the one the server reports in <c>X-RateLimit-*</c>, kept in an
/// <see cref="IRateLimitStore"/> so that every client on the same key and base address draws from it. A lease is granted
/// while the window has requests left (each granted lease counts against it until an answer says otherwise); while no
/// answer has told the window, at most <see cref="SlowStartLimit"/> requests are in flight (TCP slow start, AWS adaptive
/// mode); when the window is spent or a 429 paused it, the failed lease carries <see cref="MetadataName.RetryAfter"/>.
/// The built-in limiters count a window of their own on the system clock; this one follows the server's, on the
/// client's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ServerWindowRateLimiter(IRateLimitStore store, RateLimitScope scope, TimeProvider timeProvider) : RateLimiter
{
    /// <summary>Requests in flight before the first answer tells the window.</summary>
    public const int SlowStartLimit = 4;

    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxPause = TimeSpan.FromDays(1);

    private static readonly string[] FailedMetadata = [MetadataName.RetryAfter.Name];

    private long _granted;
    private long _refused;
    private RateLimitInfo _lastWindow = RateLimitInfo.None;

    public RateLimitScope Scope => scope;

    /// <summary>The window as the last answer described it.</summary>
    public RateLimitInfo LastWindow => Volatile.Read(ref _lastWindow);

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = LastWindow.Remaining ?? 0,
        CurrentQueuedCount = 0,
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
    };

    /// <summary>
    /// Records what an attempt's answer said about the window. A 429 with <c>Retry-After</c> pauses every caller on the
    /// window for that long instead: the server's own instruction is more precise than its window counters.
    /// </summary>
    public async ValueTask<RateLimitInfo> ObserveAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var window = ResponseHeaderReader.InfoOf(response).RateLimit;
        if (window != RateLimitInfo.None)
        {
            Volatile.Write(ref _lastWindow, window);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests
            && ResponseHeaderReader.ReadRetryAfter(response.Headers, timeProvider) is { } retryAfter)
        {
            // A Retry-After of any size (up to TimeSpan.MaxValue) pauses at most a day: longer than any ceiling, so every
            // caller still throws at once, and the pause's end stays a representable date.
            await store.PauseAsync(scope.Name, now + (retryAfter < MaxPause ? retryAfter : MaxPause), cancellationToken).ConfigureAwait(false);
        }
        else if (window != RateLimitInfo.None)
        {
            await store.RecordWindowAsync(scope.Name, window, now, cancellationToken).ConfigureAwait(false);
        }

        return window;
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        // The in-process store answers synchronously; a shared store is only asked through AcquireAsync.
        var pending = AcquireAsyncCore(permitCount, CancellationToken.None);
        return pending.IsCompletedSuccessfully ? pending.Result : Refused(TimeSpan.Zero);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        while (true)
        {
            var now = timeProvider.GetUtcNow();
            var grant = await store.AcquireAsync(scope.Name, now, cancellationToken).ConfigureAwait(false);
            switch (grant.Status)
            {
                case RateLimitGrantStatus.Granted:
                    scope.Enter();
                    return Granted();
                case RateLimitGrantStatus.Wait:
                    // A shared store rounds to milliseconds: never hand back a wait of zero, which would spin.
                    var wait = (grant.RetryAt ?? now) - now;
                    return Refused(wait > MinimumWait ? wait : MinimumWait);
                default:
                    if (scope.TryEnterSlowStart(SlowStartLimit, out var nextAnswer))
                    {
                        return Granted();
                    }

                    await nextAnswer.WaitAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private Lease Granted()
    {
        Interlocked.Increment(ref _granted);
        return new Lease(scope);
    }

    private FailedLease Refused(TimeSpan retryAfter)
    {
        Interlocked.Increment(ref _refused);
        return new FailedLease(retryAfter);
    }

    /// <summary>A request counted in flight until the lease is disposed, after its answer was observed.</summary>
    internal sealed class Lease(RateLimitScope scope) : RateLimitLease
    {
        private int _disposed;

        /// <summary>Whether the answer carried rate-limit headers; null when there was no answer.</summary>
        public bool? AnswerHadWindow { get; set; }

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                scope.Exit(AnswerHadWindow);
            }

            base.Dispose(disposing);
        }
    }

    private sealed class FailedLease(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => FailedMetadata;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
