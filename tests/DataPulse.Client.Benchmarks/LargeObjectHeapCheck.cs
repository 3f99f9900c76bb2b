using System.Globalization;
using System.Net.Http.Headers;
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
        using var handWritten = new HttpClient(new CannedResponseHandler(Payloads.QueryJson)) { BaseAddress = Payloads.FakeBase };
        handWritten.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Payloads.ApiKey);
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
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"query answer: {Payloads.QueryJson.Length:N0} bytes"));
        Console.WriteLine($"large-object heap, {Calls} calls per variant after warm-up (allocation ticks of kind 'large'; one tick per ~100 KB):");
        foreach (var (name, call) in variants)
        {
            for (var i = 0; i < 5; i++)
            {
                await call();
            }

            using var listener = new AllocationSampler();
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
            listener.Start();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Calls; i++)
            {
                await call();
            }

            var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / Calls;
            // The runtime delivers its events to listeners a little late.
            await Task.Delay(TimeSpan.FromMilliseconds(1500), TimeProvider.System);
            var ticks = listener.Stop();
            var large = ticks.Where(t => t.Large).ToList();
            var types = string.Join(", ", large.GroupBy(t => (t.Type, t.Size)).OrderByDescending(g => g.Count()).Take(4)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.Type}[{g.Key.Size:N0} B] x{g.Count()}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-32} {perCall,12:N0} B/call allocated; LOH ticks {large.Count,4} ({(double)large.Count / Calls:0.0}/call) {types}"));
        }
    }
}
