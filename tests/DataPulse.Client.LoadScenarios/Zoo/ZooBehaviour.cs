namespace DataPulse.Client.LoadScenarios.Zoo;

/// <summary>How one kind of real-world server answers, request by request, on the server's clock.</summary>
public abstract class ZooBehaviour
{
    /// <summary>A short name for reports, for example <c>static headers</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether this server ever refuses a request (429): the figures differ for those that never do.</summary>
    public virtual bool Refuses => true;

    /// <summary>The answer to a request arriving at <paramref name="now"/>, with <paramref name="inFlight"/> requests in progress (this one included).</summary>
    public abstract ZooAnswer Answer(DateTimeOffset now, int inFlight);
}
