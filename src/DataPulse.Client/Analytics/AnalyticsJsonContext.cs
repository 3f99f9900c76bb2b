using System.Text.Json.Serialization;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Analytics;

/// <summary>The source-generated JSON contract of the analytics wire models: snake_case names, nulls left out when writing, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(DataEnvelope<KpiSummary, KpiMeta>))]
[JsonSerializable(typeof(DataEnvelope<QueryData, QueryMeta>))]
[JsonSerializable(typeof(QueryBody))]
internal sealed partial class AnalyticsJsonContext : JsonSerializerContext;
