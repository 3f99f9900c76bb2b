namespace DataPulse.Samples.DependencyInjection;

/// <summary>What the worker does, from the <c>DataPulseSample</c> configuration section.</summary>
public sealed class SampleOptions
{
    public const string SectionName = "DataPulseSample";

    /// <summary>The customer profile to read once at start.</summary>
    public string CustomerId { get; set; } = "cust_92f8a3b1";

    /// <summary>How often to read the KPIs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many KPI reads before the worker stops the host; 0 runs until Ctrl+C.</summary>
    public int Iterations { get; set; }
}
