namespace DataPulse.Client.ContractCheck.Prism;

/// <summary>One rule Prism found broken, as it reports it: where (<c>response.body.data.active_users</c>), which rule
/// (<c>type</c>, <c>required</c>, <c>pattern</c>, ...), how bad (<c>Error</c> or <c>Warning</c>) and its message.</summary>
internal sealed record Violation(string Location, string Code, string Severity, string Message)
{
    /// <summary>True for a violation in what the client sent; otherwise it is in the answer.</summary>
    public bool InRequest => !Location.StartsWith("response", StringComparison.Ordinal);

    public override string ToString() => $"{Location}: {Message} [{Code}, {Severity}]";
}
