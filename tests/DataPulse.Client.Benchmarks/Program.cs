using BenchmarkDotNet.Running;
using DataPulse.Client.Benchmarks;

// dotnet run -c Release --project tests/DataPulse.Client.Benchmarks -- kpi|query|load [past|static|none ...]|export|all [BenchmarkDotNet options]
var mode = args.Length > 0 ? args[0] : "all";
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "kpi":
        await PairedKpiAsync();
        BenchmarkRunner.Run<KpiBenchmarks>(args: rest);
        break;
    case "query":
        await PairedQueryAsync();
        await LargeObjectHeapCheck.RunAsync();
        BenchmarkRunner.Run<QueryBenchmarks>(args: rest);
        break;
    case "paired":
        await PairedKpiAsync();
        await PairedQueryAsync();
        break;
    case "loh":
        await LargeObjectHeapCheck.RunAsync();
        break;
    case "alloc":
        await AllocationProfile.RunAsync();
        break;
    case "load":
        // Whatever rate-limit headers the server sends: a long-gone reset, a cache repeating static ones, none at all.
        foreach (var headers in rest.Length > 0 ? rest : ["past", "static", "none"])
        {
            await LoadTest.RunAsync(headers);
        }

        break;
    case "export":
        await ExportTest.RunAsync();
        break;
    case "all":
        await PairedKpiAsync();
        BenchmarkRunner.Run<KpiBenchmarks>(args: rest);
        await PairedQueryAsync();
        await LargeObjectHeapCheck.RunAsync();
        BenchmarkRunner.Run<QueryBenchmarks>(args: rest);
        foreach (var headers in new[] { "past", "static", "none" })
        {
            await LoadTest.RunAsync(headers);
        }

        await ExportTest.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: kpi | query | paired | loh | alloc | load | export | all  [BenchmarkDotNet options for kpi and query]");
        return 2;
}

return 0;

static async Task PairedKpiAsync()
{
    var kpi = new KpiBenchmarks();
    kpi.Setup();
    await PairedTiming.RunAsync("KPI GET, in memory", [
        ("hand-written HttpClient + STJ source-gen", kpi.HandWritten),
        ("SDK GetKpiSummaryAsync (defaults)", kpi.Sdk),
        ("SDK from AddDataPulse (IHttpClientFactory)", kpi.SdkFromServices),
        ("SDK, pacing and retry budget off (reference)", kpi.SdkWithoutPacing),
        ("Refit (generated)", kpi.Refit),
        ("Refit + standard resilience", kpi.RefitWithStandardResilience),
    ], batch: 2_000, rounds: 40);
    kpi.Cleanup();
}

static async Task PairedQueryAsync()
{
    var query = new QueryBenchmarks();
    query.Setup();
    await PairedTiming.RunAsync("10,000-row query, every cell, against hand-written HttpClient + STJ source-gen", [
        ("hand-written STJ source-gen into SaleRow", query.HandWrittenTyped),
        ("Refit (generated) into SaleRow", query.Refit),
        ("SDK QueryAsync + getters by index", query.SdkGettersByIndex),
        ("SDK QueryAsync + getters by name", query.SdkGettersByName),
        ("SDK QueryAsync<SaleRow>(JsonTypeInfo)", query.SdkTyped),
        ("SDK QueryAsync<SaleRow>(Func<QueryRow, SaleRow>)", query.SdkMapped),
        ("hand-written JsonDocument (reference)", query.HandWrittenDocument),
        ("SDK QueryAsync<settable class>(JsonTypeInfo) (reference)", query.SdkTypedSettable),
    ], batch: 10, rounds: 30);
    query.Cleanup();
}
