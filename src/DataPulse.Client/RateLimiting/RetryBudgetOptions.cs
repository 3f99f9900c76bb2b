namespace DataPulse.Client.RateLimiting;

/// <summary>
/// The retry budget (gRPC's retry throttling): a bucket of <see cref="MaxTokens"/> tokens, full at first, shared by every
/// client on one API key and base address. Every attempt that fails in a retryable way (429, 5xx, no answer) takes one
/// token; every success gives back <see cref="TokenRatio"/>. Retries are allowed only while more than half the tokens are
/// left. In an outage a client therefore stops retrying after about <c>MaxTokens / 2</c> failures and fails fast, adding
/// almost no load; once the server answers again, every call goes out as usual and retries come back as successes refill
/// the bucket.
/// </summary>
public sealed class RetryBudgetOptions
{
    /// <summary>Whether retries draw from the budget. When off, every retryable failure is retried up to <see cref="DataPulseClientOptions.MaxRetries"/>.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>The size of the bucket. From 2 to 10000.</summary>
    /// <value>The default is 100: retries stop after 50 failures more than the successes have paid for.</value>
    public int MaxTokens { get; set; } = 100;

    /// <summary>What one success gives back, in tokens. More than 0 and at most 1.</summary>
    /// <value>The default is 0.1: in steady state, retries add at most about 10% to the requests sent.</value>
    public double TokenRatio { get; set; } = 0.1;

    /// <summary>A copy: every setting here is a value, so a memberwise copy is a deep one.</summary>
    internal RetryBudgetOptions Clone() => (RetryBudgetOptions)MemberwiseClone();
}
