using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataPulse.Client.Http;

namespace DataPulse.Client.Internal;

/// <summary>The SDK's meter and activity source, both named <c>DataPulse.Client</c>. Near free with no listener attached.</summary>
internal static class DataPulseTelemetry
{
    public const string Name = "DataPulse.Client";

    public static readonly Meter Meter = new(Name, UserAgent.SdkVersion);

    public static readonly ActivitySource ActivitySource = new(Name, UserAgent.SdkVersion);

    private static readonly Counter<long> Retries =
        Meter.CreateCounter<long>("datapulse.client.retries", "{retry}", "Attempts the DataPulse client retried.");

    public static void RecordRetry(string operation, string status)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>("datapulse.operation", operation), new KeyValuePair<string, object?>("datapulse.status", status));
        }
    }
}
