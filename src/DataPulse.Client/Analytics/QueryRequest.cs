namespace DataPulse.Client.Analytics;

/// <summary>An ad-hoc query.</summary>
public sealed record QueryRequest
{
    /// <summary>The smallest <see cref="Limit"/> the API accepts: 1.</summary>
    public const int MinLimit = 1;

    /// <summary>The largest <see cref="Limit"/> the API accepts: 10,000.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>The SQL-like query, for example <c>SELECT region, SUM(revenue) FROM transactions GROUP BY region</c>. Required.</summary>
    public required string Sql { get; init; }

    /// <summary>The most rows to return, from 1 to 10,000.</summary>
    /// <value>The default is none: the server returns up to 100 rows.</value>
    public int? Limit { get; init; }

    /// <summary>
    /// The <c>Idempotency-Key</c> to send. The client sends a fresh one per call by default, the same on every retry of
    /// that call; set this to make a call you repeat yourself deduplicate on the server. The API's contract asks for a GUID:
    /// 32 hex digits, hyphenated or in braces (<c>Guid.ToString()</c> in the <c>N</c>, <c>D</c> or <c>B</c> format), sent as
    /// given; anything else throws <see cref="ArgumentException"/> and nothing is sent.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
