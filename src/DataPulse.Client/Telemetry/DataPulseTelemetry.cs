using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataPulse.Client.Http;

namespace DataPulse.Client.Telemetry;

/// <summary>The SDK's meter and activity source, both named <c>DataPulse.Client</c>. Near free with no listener attached.</summary>
internal static class DataPulseTelemetry
{
    public const string Name = "DataPulse.Client";

    public static readonly Meter Meter = new(Name, UserAgent.SdkVersion);

    public static readonly ActivitySource ActivitySource = new(Name, UserAgent.SdkVersion);
}
