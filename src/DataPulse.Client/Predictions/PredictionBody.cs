using System.Text.Json;

namespace DataPulse.Client.Predictions;

/// <summary>The wire body of a prediction; features already checked and turned into JSON scalars.</summary>
internal sealed record PredictionBody(string ModelId, Dictionary<string, JsonElement> Features);
