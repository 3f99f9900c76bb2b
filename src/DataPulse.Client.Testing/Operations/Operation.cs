namespace DataPulse.Client.Testing.Operations;

/// <summary>Endpoint metadata on every operation of the contract. <paramref name="IsWrite"/> operations refuse the
/// read-only key (403). An endpoint without it is routing's own answer to a known path with another method.</summary>
internal sealed record Operation(bool IsWrite);
