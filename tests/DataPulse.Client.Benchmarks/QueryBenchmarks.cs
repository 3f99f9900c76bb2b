using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DataPulse.Client.Analytics;
using Refit;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// A 10,000-row, 6-column query read whole, every cell, against one baseline: hand-written <see cref="HttpClient"/> +
/// System.Text.Json source generation into the same record (<see cref="SaleRow"/>), as the table measures it,
/// with bare Refit into the same record beside it.
/// The SDK reads the answer by the row getters (by position, by name), into the record through its JSON metadata, and
/// through a mapping function; for reference, a hand-written <see cref="JsonDocument"/> reading, and the SDK into a
/// settable class (which its metadata can create without a constructor call, so it is filled straight from the cells).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class QueryBenchmarks
{
    private static readonly QueryBodyDto Body = new(Payloads.Sql, Payloads.QueryRows);
    private static readonly QueryRequest Request = new() { Sql = Payloads.Sql, Limit = Payloads.QueryRows };

    private HttpClient _handWritten = null!;
    private HttpClient _sdkTransport = null!;
    private DataPulseClient _sdk = null!;
    private HttpClient _refitTransport = null!;
    private IRefitAnalyticsApi _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handWritten = Payloads.HandWrittenClient(new CannedResponseHandler(Payloads.QueryJson), Payloads.FakeBase);
        _sdkTransport = new HttpClient(new CannedResponseHandler(Payloads.QueryJson));
        _sdk = new DataPulseClient(_sdkTransport, new DataPulseClientOptions { ApiKey = Payloads.ApiKey });
        _refitTransport = Payloads.HandWrittenClient(new CannedResponseHandler(Payloads.QueryJson), Payloads.FakeBase);
        _refit = RestService.ForGenerated<IRefitAnalyticsApi>(_refitTransport, RefitSettings.ForJsonContext(BenchJsonContext.Default));

        var expected = HandWrittenTyped().GetAwaiter().GetResult();
        foreach (var variant in new Func<Task<decimal>>[] { Refit, HandWrittenDocument, SdkGettersByIndex, SdkGettersByName, SdkTyped, SdkMapped, SdkTypedSettable })
        {
            if (variant().GetAwaiter().GetResult() != expected)
            {
                throw new InvalidOperationException($"{variant.Method.Name} read the query answer differently.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkTransport.Dispose();
        _refitTransport.Dispose();
        _handWritten.Dispose();
    }

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + STJ source-gen into SaleRow")]
    public async Task<decimal> HandWrittenTyped()
    {
        using var response = await _handWritten.PostAsJsonAsync(Payloads.QueryPath, Body, BenchJsonContext.Default.QueryBodyDto);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync(BenchJsonContext.Default.TypedQueryEnvelope);
        return Sum(envelope!.Data.Rows);
    }

    [Benchmark(Description = "Refit (generated) into SaleRow")]
    public async Task<decimal> Refit() => Sum((await _refit.Query(Body)).Data.Rows);

    [Benchmark(Description = "SDK QueryAsync + getters by index, every cell")]
    public async Task<decimal> SdkGettersByIndex()
    {
        var result = await _sdk.Analytics.QueryAsync(Request);
        var check = new Checksum();
        foreach (var row in result.Rows)
        {
            check.Add(row.GetString(0), row.GetDecimal(1)!.Value, row.GetInt64(2), row.GetBoolean(3)!.Value, row.GetDateTimeOffset(4)!.Value, row.GetDate(5)!.Value);
        }

        return check.Value;
    }

    [Benchmark(Description = "SDK QueryAsync + getters by name, every cell")]
    public async Task<decimal> SdkGettersByName()
    {
        var result = await _sdk.Analytics.QueryAsync(Request);
        var check = new Checksum();
        foreach (var row in result.Rows)
        {
            check.Add(
                row.GetString("region"), row.GetDecimal("revenue")!.Value, row.GetInt64("orders"), row.GetBoolean("active")!.Value,
                row.GetDateTimeOffset("created_at")!.Value, row.GetDate("day")!.Value);
        }

        return check.Value;
    }

    [Benchmark(Description = "SDK QueryAsync<SaleRow>(JsonTypeInfo)")]
    public async Task<decimal> SdkTyped() => Sum((await _sdk.Analytics.QueryAsync(Request, BenchJsonContext.Default.SaleRow)).Rows);

    [Benchmark(Description = "SDK QueryAsync<SaleRow>(Func<QueryRow, SaleRow>)")]
    public async Task<decimal> SdkMapped() => Sum((await _sdk.Analytics.QueryAsync(Request, static row => new SaleRow(
        row.GetString(0)!, row.GetDecimal(1)!.Value, row.GetInt64(2), row.GetBoolean(3)!.Value, row.GetDateTimeOffset(4)!.Value, row.GetDate(5)!.Value))).Rows);

    [Benchmark(Description = "for reference: hand-written JsonDocument, every cell")]
    public async Task<decimal> HandWrittenDocument()
    {
        using var response = await _handWritten.PostAsJsonAsync(Payloads.QueryPath, Body, BenchJsonContext.Default.QueryBodyDto);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(stream);
        var check = new Checksum();
        foreach (var row in document.RootElement.GetProperty("data").GetProperty("rows").EnumerateArray())
        {
            var orders = row[2];
            check.Add(
                row[0].GetString(),
                row[1].GetDecimal(),
                orders.ValueKind == JsonValueKind.Null ? null : orders.GetInt64(),
                row[3].GetBoolean(),
                row[4].GetDateTimeOffset(),
                DateOnly.ParseExact(row[5].GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return check.Value;
    }

    [Benchmark(Description = "for reference: SDK QueryAsync<SaleRowSettable>(JsonTypeInfo), settable class")]
    public async Task<decimal> SdkTypedSettable()
    {
        var check = new Checksum();
        foreach (var row in (await _sdk.Analytics.QueryAsync(Request, BenchJsonContext.Default.SaleRowSettable)).Rows)
        {
            check.Add(row.Region, row.Revenue, row.Orders, row.Active, row.CreatedAt, row.Day);
        }

        return check.Value;
    }

    private static decimal Sum(IReadOnlyList<SaleRow> rows)
    {
        var check = new Checksum();
        foreach (var row in rows)
        {
            check.Add(row.Region, row.Revenue, row.Orders, row.Active, row.CreatedAt, row.Day);
        }

        return check.Value;
    }

    /// <summary>Folds every cell into one number, so no read can be skipped and every variant must agree.</summary>
    private struct Checksum
    {
        public decimal Value { get; private set; }

        public void Add(string? region, decimal revenue, long? orders, bool active, DateTimeOffset createdAt, DateOnly day) =>
            Value += (region?.Length ?? 0) + revenue + (orders ?? 0) + (active ? 1 : 0) + (createdAt.UtcTicks % 1000) + day.DayNumber;
    }
}
