namespace DataPulse.Client.Generators;

/// <summary>Names of the pipeline steps, so tests can check what the generator re-ran after an edit.</summary>
internal static class TrackingNames
{
    public const string Targets = nameof(Targets);
}
