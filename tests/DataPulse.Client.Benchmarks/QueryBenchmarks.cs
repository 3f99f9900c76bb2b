using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DataPulse.Client.Analytics;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// A 10,000-row, 6-column query read whole: every cell through the SDK's getters against hand-written
/// <see cref="JsonDocument"/> reading, and <c>QueryAsync&lt;T&gt;</c> against hand-written STJ into the same record.
/// Each category has its own baseline.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class QueryBenchmarks
{
    private static readonly QueryBodyDto Body = new(Payloads.Sql, Payloads.QueryRows);
    private static readonly QueryRequest Request = new() { Sql = Payloads.Sql, Limit = Payloads.QueryRows };

    private HttpClient _handWritten = null!;
    private HttpClient _sdkTransport = null!;
    private DataPulseClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handWritten = Payloads.HandWrittenClient(new CannedResponseHandler(Payloads.QueryJson), Payloads.FakeBase);
        _sdkTransport = new HttpClient(new CannedResponseHandler(Payloads.QueryJson));
        _sdk = new DataPulseClient(_sdkTransport, new DataPulseClientOptions { ApiKey = Payloads.ApiKey });

        var expected = HandWrittenGetters().GetAwaiter().GetResult();
        if (SdkGetters().GetAwaiter().GetResult() != expected
            || HandWrittenTyped().GetAwaiter().GetResult() != expected
            || SdkTyped().GetAwaiter().GetResult() != expected)
        {
            throw new InvalidOperationException("A variant read the query answer differently.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkTransport.Dispose();
        _handWritten.Dispose();
    }

    [Benchmark(Baseline = true, Description = "hand-written JsonDocument, every cell")]
    [BenchmarkCategory("getters")]
    public async Task<decimal> HandWrittenGetters()
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

    [Benchmark(Description = "SDK QueryAsync + getters, every cell")]
    [BenchmarkCategory("getters")]
    public async Task<decimal> SdkGetters()
    {
        var result = await _sdk.Analytics.QueryAsync(Request);
        var check = new Checksum();
        foreach (var row in result.Rows)
        {
            check.Add(row.GetString(0), row.GetDecimal(1)!.Value, row.GetInt64(2), row.GetBoolean(3)!.Value, row.GetDateTimeOffset(4)!.Value, row.GetDate(5)!.Value);
        }

        return check.Value;
    }

    [Benchmark(Baseline = true, Description = "hand-written STJ source-gen into SaleRow")]
    [BenchmarkCategory("typed")]
    public async Task<decimal> HandWrittenTyped()
    {
        using var response = await _handWritten.PostAsJsonAsync(Payloads.QueryPath, Body, BenchJsonContext.Default.QueryBodyDto);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync(BenchJsonContext.Default.TypedQueryEnvelope);
        return Sum(envelope!.Data.Rows);
    }

    [Benchmark(Description = "SDK QueryAsync<SaleRow>(JsonTypeInfo)")]
    [BenchmarkCategory("typed")]
    public async Task<decimal> SdkTyped() => Sum((await _sdk.Analytics.QueryAsync(Request, BenchJsonContext.Default.SaleRow)).Rows);

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
