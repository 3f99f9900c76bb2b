using System.Text.Json.Serialization;

namespace DataPulse.Client.Tests.EndToEnd;

/// <summary>Source-generated metadata for the end-to-end tests' row types, as a trimmed or AOT app would supply it.</summary>
[JsonSerializable(typeof(RegionTotals))]
public sealed partial class EndToEndJsonContext : JsonSerializerContext;
