namespace DataPulse.Client.Reports;

/// <summary>
/// The reports resource, one partial file per concern: <c>ReportsClient.Exports.cs</c> (start an export, poll its
/// generation, download and save the file) and <c>ReportsClient.Schedules.cs</c> (create, page through, delete).
/// </summary>
internal sealed partial class ReportsClient(IReportsApi api, TimeProvider timeProvider, TimeSpan generationTimeout, TimeSpan downloadIdleTimeout) : IReportsClient
{
    // Fields, not captured parameters: a primary constructor's parameters are visible only in this part of the class.
    private readonly IReportsApi api = api;
    private readonly TimeProvider timeProvider = timeProvider;
    private readonly TimeSpan generationTimeout = generationTimeout;
    private readonly TimeSpan downloadIdleTimeout = downloadIdleTimeout;
}
