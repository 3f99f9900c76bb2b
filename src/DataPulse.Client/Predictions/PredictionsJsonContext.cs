using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPulse.Client.Predictions;

/// <summary>The source-generated JSON contract of the predictions wire models: snake_case names, nulls left out when writing, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PredictionBody))]
[JsonSerializable(typeof(PredictionResult))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(ulong))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
internal sealed partial class PredictionsJsonContext : JsonSerializerContext;
