namespace DataPulse.Client.Predictions;

/// <summary>The range the model's confidence lies in.</summary>
public sealed record ConfidenceInterval
{
    /// <summary>The lower bound.</summary>
    public double Lower { get; init; }

    /// <summary>The upper bound.</summary>
    public double Upper { get; init; }
}
