using DataPulse.Client.Http;
using DataPulse.Client.Telemetry;

namespace DataPulse.Client.Pipeline;

/// <summary>What the call path needs of a client's options, read once when the client is built.</summary>
internal sealed class CallSettings(DataPulseClientOptions options, ApiKeyProvider keys, CallTelemetry telemetry)
{
    public TimeProvider TimeProvider { get; } = options.TimeProvider;

    public TimeSpan Timeout { get; } = options.Timeout;

    public TimeSpan AttemptTimeout { get; } = options.AttemptTimeout;

    public int MaxResponseBufferSize { get; } = options.MaxResponseBufferSize;

    public ApiKeyProvider Keys { get; } = keys;

    public string UserAgent { get; } = Http.UserAgent.Build(options.ApplicationId);

    public CallTelemetry Telemetry { get; } = telemetry;
}
