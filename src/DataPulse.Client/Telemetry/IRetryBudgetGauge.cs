namespace DataPulse.Client.Telemetry;

/// <summary>A retry budget as the meter reports it: its tokens, by the server it guards.</summary>
internal interface IRetryBudgetGauge
{
    /// <summary>The tokens left at the budget's last change; null before its first.</summary>
    double? Tokens { get; }

    string ServerAddress { get; }

    int ServerPort { get; }
}
