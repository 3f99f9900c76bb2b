namespace DataPulse.Client;

/// <summary>Which time limit ended a call.</summary>
public enum DataPulseTimeoutKind
{
    /// <summary>
    /// One attempt took longer than <see cref="DataPulseClientOptions.AttemptTimeout"/> (or the call's own
    /// <see cref="DataPulseRequestOptions.AttemptTimeout"/>), and no retry was left or allowed.
    /// </summary>
    Attempt = 0,

    /// <summary>
    /// The whole call, across every attempt and wait, took longer than <see cref="DataPulseClientOptions.Timeout"/> (or the
    /// call's own <see cref="DataPulseRequestOptions.Timeout"/>).
    /// </summary>
    Overall = 1,

    /// <summary>A limit outside the client fired, for example the <see cref="HttpClient.Timeout"/> of a caller's own client.</summary>
    Transport = 2,

    /// <summary>
    /// An asynchronously generated report was not ready within <see cref="DataPulseClientOptions.ReportGenerationTimeout"/>.
    /// The report may still finish on the server.
    /// </summary>
    ReportGeneration = 3,

    /// <summary>A report download received nothing for <see cref="DataPulseClientOptions.DownloadIdleTimeout"/>.</summary>
    DownloadIdle = 4,
}
