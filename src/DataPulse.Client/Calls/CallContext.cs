using System.Diagnostics;
using Polly;

namespace DataPulse.Client.Calls;

/// <summary>
/// What travels with one call through every stage of the pipeline (<c>Pipeline/CallPipeline</c>): the request, its
/// operation, the caller's token, when it started, its deadlines, retry limit and extra headers (the client's, or this
/// call's own <see cref="DataPulseRequestOptions"/>) are fixed when the call begins; the span, the retry count and the
/// reason a retry was refused are the only things a stage adds, each by the stage that owns it.
/// Carried in Polly's <see cref="ResilienceContext"/>, never in ambient state.
/// </summary>
internal sealed class CallContext(
    HttpRequestMessage request,
    string operation,
    bool streams,
    long startedAt,
    CallLimits limits,
    KeyValuePair<string, string>[]? headers,
    CancellationToken callerToken)
{
    public static readonly ResiliencePropertyKey<CallContext> Key = new("DataPulse.Call");

    public HttpRequestMessage Request { get; } = request;

    /// <summary>The operation's name, for example <c>Customers.Get</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>Whether a successful answer is a file handed to the caller unread (a report download).</summary>
    public bool Streams { get; } = streams;

    /// <summary>When the call started, a <see cref="TimeProvider.GetTimestamp"/> value: the overall deadline counts from here.</summary>
    public long StartedAt { get; } = startedAt;

    /// <summary>The overall deadline of this call, across every attempt and wait.</summary>
    public TimeSpan Timeout { get; } = limits.Timeout;

    /// <summary>The deadline of each attempt (the attempt deadline stage); never past what is left of <see cref="Timeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; } = limits.AttemptTimeout;

    /// <summary>The setting <see cref="Timeout"/> came from (the client's or the call's own), for a timeout's message.</summary>
    public string TimeoutSetting { get; } = limits.TimeoutSetting;

    /// <summary>The setting <see cref="AttemptTimeout"/> came from.</summary>
    public string AttemptTimeoutSetting { get; } = limits.AttemptTimeoutSetting;

    /// <summary>The most retries this call may make (the retry stage).</summary>
    public int MaxRetries { get; } = limits.MaxRetries;

    /// <summary>Headers the caller added to this call, sent on every attempt (the send stage); null for none.</summary>
    public KeyValuePair<string, string>[]? Headers { get; } = headers;

    /// <summary>The caller's own token: its cancellation ends the call as a cancellation, never as a failure.</summary>
    public CancellationToken CallerToken { get; } = callerToken;

    /// <summary>The operation's span, when telemetry started one (the telemetry stage).</summary>
    public Activity? Activity { get; set; }

    /// <summary>Retries made so far (the retry stage); attempts are one more.</summary>
    public int Retries { get; private set; }

    public int Attempts => Retries + 1;

    /// <summary>Set by the retry stage when it did not retry although the retry table would have: why.</summary>
    public DataPulseClientReason NotRetriedBecause { get; set; }

    public static CallContext Of(ResilienceContext context) => context.Properties.GetValue(Key, null!);

    /// <summary>What is left of the overall deadline on <paramref name="timeProvider"/> (negative once it passed).</summary>
    public TimeSpan Remaining(TimeProvider timeProvider) => Timeout - timeProvider.GetElapsedTime(StartedAt);

    public void CountRetry() => Retries++;
}
