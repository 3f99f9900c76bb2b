using System.Diagnostics;
using System.Globalization;

namespace DataPulse.Client;

/// <summary>
/// Settings for one call, passed to an operation's overload that takes them (as Stripe's <c>RequestOptions</c> or Azure's
/// <c>RequestContext</c>): a deadline, a retry limit, an idempotency key and extra headers for this call only. What is
/// left unset keeps the client's <see cref="DataPulseClientOptions"/>. Checked before anything is sent: one
/// <see cref="ArgumentException"/> names every problem.
/// </summary>
/// <remarks>
/// <para>
/// An operation that makes several requests (an export that waits for an asynchronously generated report, a listing that
/// fetches page after page) applies <see cref="Timeout"/>, <see cref="AttemptTimeout"/>, <see cref="MaxRetries"/> and
/// <see cref="Headers"/> to each of its requests; <see cref="IdempotencyKey"/> goes only on its <c>POST</c>.
/// </para>
/// <para>
/// The call takes a copy when it starts: changing the options afterwards does not change a call already running, and one
/// instance may serve many calls, except with an <see cref="IdempotencyKey"/>, which names one logical operation.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var kpis = await client.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail, new DataPulseRequestOptions
/// {
///     Timeout = TimeSpan.FromSeconds(5),
///     MaxRetries = 0,
///     Headers = { ["X-Correlation-Id"] = correlationId },
/// });
/// </code>
/// </example>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class DataPulseRequestOptions
{
    /// <summary>
    /// The overall deadline of this call, across every attempt and wait, in place of
    /// <see cref="DataPulseClientOptions.Timeout"/>. Each attempt is still bounded by the client's
    /// <see cref="DataPulseClientOptions.AttemptTimeout"/> unless <see cref="AttemptTimeout"/> is set too. More than zero and
    /// at most 1 day.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the client's <see cref="DataPulseClientOptions.Timeout"/>.</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// The deadline of each attempt of this call, in place of <see cref="DataPulseClientOptions.AttemptTimeout"/>: set it with
    /// a long <see cref="Timeout"/> to let one slow call take longer than the client's attempts may. An attempt never outlives
    /// the overall deadline. More than zero, at most 1 day, and not longer than <see cref="Timeout"/> when both are set.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the client's <see cref="DataPulseClientOptions.AttemptTimeout"/>.</value>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>
    /// How many times a failed attempt of this call is retried, in place of <see cref="DataPulseClientOptions.MaxRetries"/>;
    /// 0 sends the call once. The retry table, <c>Retry-After</c> ceiling and retry budget still apply (a client whose own
    /// <see cref="DataPulseClientOptions.MaxRetries"/> is 0 has no budget to draw on). Not used by a client with a pipeline of
    /// your own (<see cref="DataPulseClientOptions.ResiliencePipeline"/>). From 0 to 10.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the client's <see cref="DataPulseClientOptions.MaxRetries"/>.</value>
    public int? MaxRetries { get; set; }

    /// <summary>
    /// The <c>Idempotency-Key</c> of this call's <c>POST</c>, sent as given on the first attempt and every retry, so that
    /// your own repeat of the call (after a crash, say) is recognised by the server. A GUID, in the <c>N</c>, <c>D</c> or
    /// <c>B</c> form. Only for operations that send a <c>POST</c>; refused on the others. A request's own
    /// <c>IdempotencyKey</c> (for example <c>QueryRequest.IdempotencyKey</c>) still works; setting both to
    /// different keys is refused.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the request's key, or a fresh one per call.</value>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// Extra headers for this call's requests, by name, ignoring case; for example a correlation id or a tenant header your
    /// gateway reads. They may not replace the SDK's own: <c>Authorization</c>, <c>User-Agent</c>, <c>Accept</c>,
    /// <c>Idempotency-Key</c> and the body's headers (<c>Content-*</c>, <c>Allow</c>, <c>Expires</c>,
    /// <c>Last-Modified</c>) are refused, as are names that are not HTTP tokens and values with line breaks or other control
    /// characters. The SDK never logs their values.
    /// </summary>
    /// <value>The default is empty.</value>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns a description that names the headers but not their values.</summary>
    /// <returns>For example <c>DataPulseRequestOptions { Timeout = 00:00:05, MaxRetries = 0, Headers = [X-Correlation-Id] }</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>(5);
        if (Timeout is { } timeout)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Timeout = {timeout}"));
        }

        if (AttemptTimeout is { } attemptTimeout)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"AttemptTimeout = {attemptTimeout}"));
        }

        if (MaxRetries is { } maxRetries)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"MaxRetries = {maxRetries}"));
        }

        if (IdempotencyKey is { } key)
        {
            parts.Add($"IdempotencyKey = {key}");
        }

        if (Headers.Count > 0)
        {
            parts.Add($"Headers = [{string.Join(", ", Headers.Keys)}]");
        }

        return parts.Count == 0 ? "DataPulseRequestOptions { }" : $"DataPulseRequestOptions {{ {string.Join(", ", parts)} }}";
    }
}
