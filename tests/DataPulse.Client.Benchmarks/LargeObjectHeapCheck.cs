using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DataPulse.Client.Analytics;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// Which per-call allocations of the 10,000-row query land on the large-object heap: listens to the runtime's
/// allocation-tick events (one per ~100 KB allocated, tagged small or large, with the type) around repeated calls of
/// each variant, after a warm-up, in this process.
/// </summary>
public static class LargeObjectHeapCheck
{
    private const int Calls = 20;

    public static async Task RunAsync()
    {
        using var sdkTransport = new HttpClient(new CannedResponseHandler(Payloads.QueryJson));
        using var sdk = new DataPulseClient(sdkTransport, new DataPulseClientOptions { ApiKey = Payloads.ApiKey });
        using var handWritten = Payloads.HandWrittenClient(new CannedResponseHandler(Payloads.QueryJson), Payloads.FakeBase);
        var request = new QueryRequest { Sql = Payloads.Sql, Limit = Payloads.QueryRows };
        var body = new QueryBodyDto(Payloads.Sql, Payloads.QueryRows);

        var variants = new (string Name, Func<Task> Call)[]
        {
            ("hand-written JsonDocument", async () =>
            {
                using var response = await handWritten.PostAsJsonAsync(Payloads.QueryPath, body, BenchJsonContext.Default.QueryBodyDto);
                await using var stream = await response.Content.ReadAsStreamAsync();
                using var document = await JsonDocument.ParseAsync(stream);
                _ = document.RootElement.GetProperty("data").GetProperty("rows").GetArrayLength();
            }),
            ("SDK QueryAsync", async () => _ = (await sdk.Analytics.QueryAsync(request)).Rows.Count),
            ("hand-written STJ into SaleRow", async () =>
            {
                using var response = await handWritten.PostAsJsonAsync(Payloads.QueryPath, body, BenchJsonContext.Default.QueryBodyDto);
                _ = (await response.Content.ReadFromJsonAsync(BenchJsonContext.Default.TypedQueryEnvelope))!.Data.Rows.Count;
            }),
            ("SDK QueryAsync<SaleRow>", async () => _ = (await sdk.Analytics.QueryAsync(request, BenchJsonContext.Default.SaleRow)).Rows.Count),
            ("SDK QueryAsync<SaleRow>(Func)", async () => _ = (await sdk.Analytics.QueryAsync(request, static row => new SaleRow(
                row.GetString(0)!, row.GetDecimal(1)!.Value, row.GetInt64(2), row.GetBoolean(3)!.Value, row.GetDateTimeOffset(4)!.Value, row.GetDate(5)!.Value))).Rows.Count),
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"query answer: {Payloads.QueryJson.Length:N0} bytes"));
        Console.WriteLine($"large-object heap, {Calls} calls per variant after warm-up (allocation ticks of kind 'large'; one tick per ~100 KB):");
        foreach (var (name, call) in variants)
        {
            var (perCall, ticks) = await AllocationSampler.SampleAsync(call, warmup: 5, Calls);
            var large = ticks.Where(t => t.Large).ToList();
            var types = string.Join(", ", large.GroupBy(t => (t.Type, t.Size)).OrderByDescending(g => g.Count()).Take(4)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.Type}[{g.Key.Size:N0} B] x{g.Count()}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-32} {perCall,12:N0} B/call allocated; LOH ticks {large.Count,4} ({(double)large.Count / Calls:0.0}/call) {types}"));
        }
    }
}
