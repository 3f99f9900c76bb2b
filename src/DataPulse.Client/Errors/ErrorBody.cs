namespace DataPulse.Client.Errors;

/// <summary>The contract's error body: <c>{ "error": { "type", "code", "message", "param", "trace_id" } }</c>.</summary>
internal sealed record ErrorEnvelope(ErrorBody? Error);

internal sealed record ErrorBody(string? Type, string? Code, string? Message, string? Param, string? TraceId);
