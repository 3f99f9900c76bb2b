using DataPulse.Client.ContractCheck.Prism;

namespace DataPulse.Client.ContractCheck.Recording;

/// <summary>One request the client sent through Prism and the answer it got back, with Prism's verdict on both.</summary>
/// <param name="Method">The request's method.</param>
/// <param name="Target">The path and query as sent, still percent-encoded.</param>
/// <param name="IdempotencyKey">The request's <c>Idempotency-Key</c>, if any.</param>
/// <param name="Status">The answer's status code.</param>
/// <param name="TraceId">The answer's <c>X-Trace-Id</c>: the sandbox's own id for each request it answered.</param>
/// <param name="PrismError">Prism's own error type when the answer is Prism's, not the upstream's; otherwise null.</param>
/// <param name="Violations">What Prism found wrong in the request or the answer.</param>
internal sealed record Exchange(
    string Method, string Target, string? IdempotencyKey, int Status, string? TraceId, string? PrismError, IReadOnlyList<Violation> Violations)
{
    public override string ToString() => $"{Method} {Target} -> {Status}{(PrismError is null ? string.Empty : " (Prism " + PrismError + ")")}";
}
