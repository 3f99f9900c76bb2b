using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPulse.Client.Benchmarks;

// What a caller would write by hand for the same answers: the same shapes as the SDK's models, read with System.Text.Json
// source generation.

public sealed record KpiEnvelope(Kpi Data, KpiMetaDto? Meta);

public sealed record Kpi(decimal Revenue, long ActiveUsers, double ConversionRate, string ChurnRisk, string Trend, string Period);

public sealed record KpiMetaDto(DateTimeOffset GeneratedAt, bool CacheHit);

public sealed record QueryBodyDto(string Sql, int? Limit);

public sealed record ExportBody(string TemplateId, string Format);

public sealed record QueryColumnDto(string Name, string Type);

public sealed record QueryMetaDto(string QueryId, int RowCount, bool Truncated, long ExecutionTimeMs, DateTimeOffset GeneratedAt);

/// <summary>One row of the benchmark query, as a typed record: what <c>QueryAsync&lt;T&gt;</c> fills in both variants.</summary>
public sealed record SaleRow(string Region, decimal Revenue, long? Orders, bool Active, DateTimeOffset CreatedAt, DateOnly Day);

/// <summary>The same row as a class with settable properties: the SDK fills it straight from the cells.</summary>
public sealed class SaleRowSettable
{
    public string? Region { get; set; }

    public decimal Revenue { get; set; }

    public long? Orders { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateOnly Day { get; set; }
}

/// <summary>The query answer read by hand straight into <see cref="SaleRow"/> records.</summary>
public sealed record TypedQueryEnvelope(TypedQueryData Data, QueryMetaDto? Meta);

public sealed record TypedQueryData(
    IReadOnlyList<QueryColumnDto> Columns,
    [property: JsonConverter(typeof(SaleRowsConverter))] IReadOnlyList<SaleRow> Rows);

/// <summary>Rows arrive as arrays of cells in column order; a hand-written converter reads them into records.</summary>
public sealed class SaleRowsConverter : JsonConverter<IReadOnlyList<SaleRow>>
{
    public override IReadOnlyList<SaleRow> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var rows = new List<SaleRow>(Payloads.QueryRows);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var region = reader.GetString()!;
            reader.Read();
            var revenue = reader.GetDecimal();
            reader.Read();
            long? orders = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            reader.Read();
            var active = reader.GetBoolean();
            reader.Read();
            var createdAt = reader.GetDateTimeOffset();
            reader.Read();
            var day = DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            reader.Read();
            Expect(ref reader, JsonTokenType.EndArray);
            rows.Add(new SaleRow(region, revenue, orders, active, createdAt, day));
        }

        Expect(ref reader, JsonTokenType.EndArray);
        return rows;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<SaleRow> value, JsonSerializerOptions options) =>
        throw new NotSupportedException();

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Expected {token}, found {reader.TokenType}.");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(KpiEnvelope))]
[JsonSerializable(typeof(QueryBodyDto))]
[JsonSerializable(typeof(ExportBody))]
[JsonSerializable(typeof(TypedQueryEnvelope))]
[JsonSerializable(typeof(SaleRow))]
[JsonSerializable(typeof(SaleRowSettable))]
public sealed partial class BenchJsonContext : JsonSerializerContext;
