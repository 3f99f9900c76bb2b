using DataPulse.Client.Analytics;
using DataPulse.Client.Customers;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;

namespace DataPulse.Client;

/// <summary>
/// Every DataPulse operation, grouped by resource. Implemented by <see cref="DataPulseClient"/>; depend on this interface
/// (and on the resource interfaces) to fake DataPulse in your own tests.
/// </summary>
public interface IDataPulseClient
{
    /// <summary>KPI summaries and ad-hoc queries.</summary>
    IAnalyticsClient Analytics { get; }

    /// <summary>Customer profiles.</summary>
    ICustomersClient Customers { get; }

    /// <summary>ML predictions.</summary>
    IPredictionsClient Predictions { get; }

    /// <summary>Report exports.</summary>
    IReportsClient Reports { get; }
}
