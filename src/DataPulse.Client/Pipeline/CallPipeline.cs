using DataPulse.Client.Http;
using DataPulse.Client.Resilience;
using DataPulse.Client.Telemetry;
using Microsoft.Extensions.Logging;

namespace DataPulse.Client.Pipeline;

/// <summary>
/// The one definition of a client's call path. The direct constructors, the caller-<see cref="HttpClient"/> constructor
/// and <c>AddDataPulse</c> all build their <see cref="HttpClient"/> here; they differ only in the <see cref="Transport"/>.
/// </summary>
internal static class CallPipeline
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Justification = "The one place the SDK builds its own HttpClient: over its call path, disposed with the DataPulseClient.")]
    public static HttpClient Create(DataPulseClientOptions options, ApiKeyProvider keys, ILogger logger, DataPulseMetrics metrics, Transport transport)
    {
        var telemetry = new CallTelemetry(logger, metrics, keys, options.LogBodies);
        var handler = new CallHandler(new CallSettings(options, keys, telemetry), DataPulseResiliencePipeline.Build(options, telemetry), transport);
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = TransportSecurity.Normalize(options.BaseAddress),
            // The call path's own deadlines govern; HttpClient's must never cut a Retry-After wait short.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }
}
