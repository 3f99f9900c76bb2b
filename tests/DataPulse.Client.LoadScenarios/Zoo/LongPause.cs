namespace DataPulse.Client.LoadScenarios.Zoo;

/// <summary>A server that answers every request 429 with <c>Retry-After: 86400</c> until it lifts the limit.</summary>
public sealed class LongPause : ZooBehaviour
{
    private volatile bool _lifted;

    public override string Name => "Retry-After: 86400, then lifted";

    public bool Lifted => _lifted;

    /// <summary>From now on, every request is served.</summary>
    public void Lift() => _lifted = true;

    public override ZooAnswer Answer(DateTimeOffset now, int inFlight) =>
        _lifted ? ZooAnswer.Ok() : ZooAnswer.TooManyRequests(("Retry-After", "86400"));
}
