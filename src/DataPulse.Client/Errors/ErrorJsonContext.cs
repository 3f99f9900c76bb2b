using System.Text.Json.Serialization;

namespace DataPulse.Client.Errors;

/// <summary>The source-generated JSON contract of the error body (snake_case, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class ErrorJsonContext : JsonSerializerContext;
