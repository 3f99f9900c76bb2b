using System.Globalization;
using DataPulse.Client.Telemetry;

namespace DataPulse.Client.RateLimiting;

/// <summary>
/// gRPC's retry throttling, chosen over the AWS retry quota because it is proportional (a success pays back
/// <see cref="RetryBudgetOptions.TokenRatio"/> of a retry, so retries stay near that share of the traffic) and never
/// blocks a first attempt, so a call succeeds as soon as the server does. A retryable failure takes one token; a success
/// gives back the ratio; a retry is allowed while more than half of the tokens are left. The tokens live in the
/// <see cref="IRateLimitStore"/>, so every client on the same key and base address (and store) shares them.
/// </summary>
/// <remarks>
/// Updates are not cancellable: they are one in-memory step, or one bounded call to a shared store, and an answer that
/// arrived must be counted whether or not the caller still waits for it.
/// </remarks>
internal sealed class RetryBudget(IRateLimitStore store, string name, double maxTokens, double tokenRatio, Uri baseAddress) : IRetryBudgetGauge
{
    private double _tokens = double.NaN;

    public double MaxTokens => maxTokens;

    public string Name => name;

    /// <inheritdoc />
    public double? Tokens => Volatile.Read(ref _tokens) is var tokens && double.IsNaN(tokens) ? null : tokens;

    public string ServerAddress => baseAddress.Host;

    public int ServerPort => baseAddress.Port;

    public static RetryBudget For(IRateLimitStore store, string scope, RetryBudgetOptions options, Uri baseAddress) => new(
        store,
        string.Create(CultureInfo.InvariantCulture, $"{scope}#budget={options.MaxTokens}/{options.TokenRatio}"),
        options.MaxTokens,
        options.TokenRatio,
        baseAddress);

    /// <summary>A success pays back part of a retry.</summary>
    public async ValueTask RecordSuccessAsync() =>
        Volatile.Write(ref _tokens, await store.UpdateRetryTokensAsync(name, tokenRatio, maxTokens, CancellationToken.None).ConfigureAwait(false));

    /// <summary>A retryable failure takes a token; says whether a retry is still allowed, and how many tokens are left.</summary>
    public async ValueTask<(bool Permits, double TokensLeft)> TakeForRetryAsync()
    {
        var left = await store.UpdateRetryTokensAsync(name, -1, maxTokens, CancellationToken.None).ConfigureAwait(false);
        Volatile.Write(ref _tokens, left);
        return (left > maxTokens / 2, left);
    }
}
