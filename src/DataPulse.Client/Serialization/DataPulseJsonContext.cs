using System.Text.Json;
using System.Text.Json.Serialization;
using DataPulse.Client.Analytics;
using DataPulse.Client.Customers;
using DataPulse.Client.Errors;
using DataPulse.Client.Internal;
using DataPulse.Client.Predictions;
using DataPulse.Client.Reports;

namespace DataPulse.Client.Serialization;

/// <summary>
/// The one source-generated JSON context for every wire model: snake_case names, nulls left out when writing, no
/// reflection (trimming and Native AOT safe).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(DataEnvelope<KpiSummary, KpiMeta>))]
[JsonSerializable(typeof(DataEnvelope<QueryData, QueryMeta>))]
[JsonSerializable(typeof(QueryBody))]
[JsonSerializable(typeof(CustomerProfile))]
[JsonSerializable(typeof(PredictionBody))]
[JsonSerializable(typeof(PredictionResult))]
[JsonSerializable(typeof(ExportBody))]
[JsonSerializable(typeof(ReportStatusBody))]
[JsonSerializable(typeof(ScheduleBody))]
[JsonSerializable(typeof(ReportSchedule))]
[JsonSerializable(typeof(DataEnvelope<IReadOnlyList<ReportSchedule>, CursorMeta>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(ulong))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
internal sealed partial class DataPulseJsonContext : JsonSerializerContext;
