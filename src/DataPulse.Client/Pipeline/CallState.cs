using System.Diagnostics;
using Polly;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// What one call carries through its attempts: the request, when it started, its span, how many retries it made and
/// the wait the retry rules chose. Travels in Polly's <see cref="ResilienceContext"/>, never in ambient state.
/// </summary>
internal sealed class CallState(CallHandler handler, HttpRequestMessage request, string operation, bool streams, long startedAt)
{
    public static readonly ResiliencePropertyKey<CallState> Key = new("DataPulse.Call");

    public CallHandler Handler { get; } = handler;

    public HttpRequestMessage Request { get; } = request;

    /// <summary>The operation's name, for example <c>Customers.Get</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>Whether a successful answer is a file handed to the caller unread (a report download).</summary>
    public bool Streams { get; } = streams;

    /// <summary>When the call started, a <see cref="TimeProvider.GetTimestamp"/> value: the overall deadline counts from here.</summary>
    public long StartedAt { get; } = startedAt;

    public Activity? Activity { get; set; }

    /// <summary>Retries so far; attempts are one more.</summary>
    public int Retries { get; set; }

    public int Attempts => Retries + 1;

    /// <summary>The wait before the next attempt, chosen with the decision to retry so that jitter is drawn once.</summary>
    public TimeSpan NextDelay { get; set; }

    public static CallState Of(ResilienceContext context) => context.Properties.GetValue(Key, null!);
}
