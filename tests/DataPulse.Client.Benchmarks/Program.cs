using BenchmarkDotNet.Running;
using DataPulse.Client.Benchmarks;

// dotnet run -c Release --project tests/DataPulse.Client.Benchmarks -- kpi|query|load|export|all [BenchmarkDotNet options]
var mode = args.Length > 0 ? args[0] : "all";
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "kpi":
        BenchmarkRunner.Run<KpiBenchmarks>(args: rest);
        break;
    case "query":
        await LargeObjectHeapCheck.RunAsync();
        BenchmarkRunner.Run<QueryBenchmarks>(args: rest);
        break;
    case "loh":
        await LargeObjectHeapCheck.RunAsync();
        break;
    case "alloc":
        await AllocationProfile.RunAsync();
        break;
    case "load":
        await LoadTest.RunAsync();
        break;
    case "export":
        await ExportTest.RunAsync();
        break;
    case "all":
        BenchmarkRunner.Run<KpiBenchmarks>(args: rest);
        await LargeObjectHeapCheck.RunAsync();
        BenchmarkRunner.Run<QueryBenchmarks>(args: rest);
        await LoadTest.RunAsync();
        await ExportTest.RunAsync();
        break;
    default:
        Console.Error.WriteLine("usage: kpi | query | loh | alloc | load | export | all  [BenchmarkDotNet options for kpi and query]");
        return 2;
}

return 0;
