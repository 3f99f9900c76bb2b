using DataPulse.Client.ContractCheck.Prism;

namespace DataPulse.Client.ContractCheck.Cases;

/// <summary>A violation a proof case must make Prism report: at <paramref name="Location"/> (a prefix, such as
/// <c>response.body.data.active_users</c>) and, when given, with <paramref name="MessagePart"/> in its message. Prism
/// reports a missing required field at its parent (<c>response.header</c>) and names the field only in the message.</summary>
internal sealed record ExpectedViolation(string Location, string? MessagePart = null)
{
    public bool Matches(Violation violation) =>
        violation.Location.StartsWith(Location, StringComparison.Ordinal)
        && (MessagePart is null || violation.Message.Contains(MessagePart, StringComparison.Ordinal));

    public override string ToString() => MessagePart is null ? Location : $"{Location} ({MessagePart})";
}
