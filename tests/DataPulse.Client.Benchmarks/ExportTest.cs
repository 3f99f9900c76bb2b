using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using DataPulse.Client.Reports;

namespace DataPulse.Client.Benchmarks;

/// <summary>
/// A 1 GiB export streamed from the loopback server (Content-Length known) to a file flushed to disk: the SDK's
/// <c>ExportToFileAsync</c> against a raw HttpClient copy to a <see cref="FileStream"/>, alternated over several rounds.
/// Reports the median throughput, allocated bytes and the peak working set seen during each run. Files are deleted.
/// </summary>
public static class ExportTest
{
    private static readonly ExportBody Body = new("tmpl_bench", "csv");

    public static async Task RunAsync(long bytes = 1L << 30, int rounds = 5)
    {
        using var server = BenchServer.Start(bytes);
        var folder = Directory.CreateTempSubdirectory("datapulse-bench-export-");
        try
        {
            using var sdk = new DataPulseClient(new DataPulseClientOptions { ApiKey = Payloads.ApiKey, BaseAddress = server.Url });
            using var raw = Payloads.HandWrittenClient(new SocketsHttpHandler(), server.Url);
            raw.Timeout = Timeout.InfiniteTimeSpan;
            var request = new ReportExportRequest { TemplateId = "tmpl_bench", Format = ReportFormat.Csv };

            var variants = new (string Name, Func<string, Task<long>> Run, List<Result> Results)[]
            {
                ("raw HttpClient -> FileStream + Flush(true)", path => RawCopyAsync(raw, path), []),
                ("SDK Reports.ExportToFileAsync", async path => (await sdk.Reports.ExportToFileAsync(request, path)).Length, []),
            };

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export: {bytes:N0} bytes, {rounds} rounds per variant, to {folder.FullName}"));
            foreach (var variant in variants)
            {
                // Warm-up, not counted: JIT, the connection, the file system's first allocation of the space.
                var path = Path.Combine(folder.FullName, "warmup.csv");
                await variant.Run(path);
                File.Delete(path);
            }

            for (var round = 0; round < rounds; round++)
            {
                foreach (var variant in round % 2 == 0 ? variants : variants.Reverse())
                {
                    var path = Path.Combine(folder.FullName, "report.csv");
                    var result = await MeasureAsync(() => variant.Run(path), bytes);
                    File.Delete(path);
                    variant.Results.Add(result);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round + 1} {variant.Name,-44} {result.MegabytesPerSecond,8:N0} MB/s {result.Allocated,12:N0} B allocated, peak working set {result.PeakWorkingSet / (1024 * 1024),5:N0} MiB"));
                }
            }

            var baseline = Stats.Median(variants[0].Results.Select(r => r.MegabytesPerSecond));
            Console.WriteLine();
            Console.WriteLine("| variant | median MB/s | ratio | allocated bytes (median) | peak working set |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (name, _, results) in variants)
            {
                var throughput = Stats.Median(results.Select(r => r.MegabytesPerSecond));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {throughput:N0} | {throughput / baseline:0.00}x | {Stats.Median(results.Select(r => (double)r.Allocated)):N0} | {results.Max(r => r.PeakWorkingSet) / (1024 * 1024):N0} MiB |"));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<long> RawCopyAsync(HttpClient client, string path)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/reports/export")
        {
            Content = JsonContent.Create(Body, BenchJsonContext.Default.ExportBody),
        };
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 81_920, useAsync: true);
        await body.CopyToAsync(file);
        file.Flush(flushToDisk: true);
        return file.Length;
    }

    private static async Task<Result> MeasureAsync(Func<Task<long>> run, long expected)
    {
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, CancellationToken.None);
            }
        });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var written = await run();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await sampling.CancelAsync();
        await sampler;
        if (written != expected)
        {
            throw new InvalidOperationException($"Wrote {written} bytes; expected {expected}.");
        }

        return new Result(expected / elapsed / 1_000_000, allocated, peak);
    }

    private sealed record Result(double MegabytesPerSecond, long Allocated, long PeakWorkingSet);
}
