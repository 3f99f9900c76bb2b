using System.Text.Json.Serialization;

namespace DataPulse.Client.Pipeline;

/// <summary>The JSON context Refit is given, so it never reflects; the SDK serializes every body itself.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class RefitJsonContext : JsonSerializerContext;
