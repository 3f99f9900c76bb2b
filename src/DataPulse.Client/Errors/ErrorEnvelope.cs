namespace DataPulse.Client.Errors;

/// <summary>The contract's error body: <c>{ "error": { "type", "code", "message", "param", "trace_id" } }</c>.</summary>
internal sealed record ErrorEnvelope(DataPulseApiError? Error);
