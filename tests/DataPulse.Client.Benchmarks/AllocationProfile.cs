using System.Globalization;
using System.Net.Http.Json;
using DataPulse.Client.Analytics;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// Where the bytes of one KPI call go, by type: many calls of each variant under the allocation sampler, each type's
/// share of the ticks turned into bytes per call, the variants side by side. Evidence for the report, not a benchmark.
/// </summary>
public static class AllocationProfile
{
    private const double BytesPerTick = 100 * 1024;

    public static async Task RunAsync(int calls = 40_000)
    {
        using var handWritten = Payloads.HandWrittenClient(new CannedResponseHandler(Payloads.KpiJson), Payloads.FakeBase);
        using var sdkTransport = new HttpClient(new CannedResponseHandler(Payloads.KpiJson));
        using var sdk = new DataPulseClient(sdkTransport, new DataPulseClientOptions { ApiKey = Payloads.ApiKey });

        var variants = new (string Name, Func<Task> Call)[]
        {
            ("hand-written", () => handWritten.GetFromJsonAsync(Payloads.KpiPath, BenchJsonContext.Default.KpiEnvelope)),
            ("SDK", () => sdk.Analytics.GetKpiSummaryAsync(KpiPeriod.ThirtyDays, Vertical.Retail)),
        };

        var profiles = new List<Dictionary<string, double>>();
        foreach (var (name, call) in variants)
        {
            var (perCall, ticks) = await AllocationSampler.SampleAsync(call, warmup: 2_000, calls);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {perCall:N0} B/call measured, {ticks.Count} ticks"));
            profiles.Add(ticks.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Count() * BytesPerTick / calls));
        }

        Console.WriteLine();
        Console.WriteLine("| type | " + string.Join(" | ", variants.Select(v => v.Name + " B/call")) + " |");
        Console.WriteLine("|---|" + string.Concat(variants.Select(_ => "---:|")));
        foreach (var type in profiles.SelectMany(p => p.Keys).Distinct().OrderByDescending(t => profiles.Max(p => p.GetValueOrDefault(t))).Take(30))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {type} | {string.Join(" | ", profiles.Select(p => p.GetValueOrDefault(type).ToString("N0", CultureInfo.InvariantCulture)))} |"));
        }
    }
}
