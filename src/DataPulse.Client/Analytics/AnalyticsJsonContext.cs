using System.Text.Json.Serialization;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Analytics;

/// <summary>The source-generated JSON contract of the analytics wire models: snake_case names, nulls left out when writing, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(DataEnvelope<KpiSummary, KpiMeta>))]
[JsonSerializable(typeof(QueryBody))]
// A query answer is read by QueryAnswerReader in one pass; these are the parts it hands to System.Text.Json.
[JsonSerializable(typeof(IReadOnlyList<QueryColumn>))]
[JsonSerializable(typeof(QueryMeta))]
// A date cell read into a DateOnly property of a caller's row type, when its text is not plain yyyy-MM-dd.
[JsonSerializable(typeof(DateOnly))]
internal sealed partial class AnalyticsJsonContext : JsonSerializerContext;
