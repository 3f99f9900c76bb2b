using System.Text.Json.Serialization;
using DataPulse.Client.Internal;

namespace DataPulse.Client.Reports;

/// <summary>The source-generated JSON contract of the reports wire models: snake_case names, nulls left out when writing, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ExportBody))]
[JsonSerializable(typeof(ReportStatusBody))]
[JsonSerializable(typeof(ScheduleBody))]
[JsonSerializable(typeof(ReportSchedule))]
[JsonSerializable(typeof(DataEnvelope<IReadOnlyList<ReportSchedule>, CursorMeta>))]
internal sealed partial class ReportsJsonContext : JsonSerializerContext;
